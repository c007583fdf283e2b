import threading, time
def hot_a(n):
    s = 0
    for i in range(n): s += i*i
    return s
def hot_b(n):
    return hot_a(n)
def worker():
    end = time.time() + 1.0
    while time.time() < end: hot_b(2000)
t = threading.Thread(target=worker, name="Worker-1"); t.start()
end = time.time() + 1.0
while time.time() < end: hot_a(3000)
t.join()
