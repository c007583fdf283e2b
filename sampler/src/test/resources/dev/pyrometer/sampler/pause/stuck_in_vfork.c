/*
 * A process with a thread that no ptrace interrupt can stop: the main thread calls vfork(), and a vfork parent waits
 * for its child (to exec or exit) in an uninterruptible wait. A second thread spins, and stops like any other.
 * Usage: stuck_in_vfork PIDFILE. Writes "PID CHILD" to PIDFILE once the child is waiting; the child waits until
 * killed; once it is, the main thread sleeps on in pause() (an ordinary, interruptible wait).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static const char *pidfile;

static void *spin(void *unused) {
    volatile unsigned long x = 0;
    for (;;) x++;
    return unused;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    pidfile = argv[1];
    pthread_t thread;
    pthread_create(&thread, NULL, spin, NULL);
    pid_t child = vfork();
    if (child == 0) {
        /* The child shares the parent's memory until it exits: it only writes the file and waits. */
        char text[64];
        int n = snprintf(text, sizeof text, "%d %d\n", (int) getppid(), (int) getpid());
        FILE *f = fopen(pidfile, "w");
        if (f) {
            fwrite(text, 1, (size_t) n, f);
            fclose(f);
        }
        for (;;) pause();
    }
    for (;;) pause();
}
