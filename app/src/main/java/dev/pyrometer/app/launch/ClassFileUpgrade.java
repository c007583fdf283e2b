package dev.pyrometer.app.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Rewrites the class files of a jar that are older than Java 6 (picocli ships Java 5 class files, version 49) at
 * class file version 52, with the stack map tables the type-checking verifier uses: the same bytecode, the same
 * behaviour.
 *
 * <p>Why: the JDK's AOT cache cannot keep a class older than version 50 once it has been linked (only the old
 * verifier can check it, and that verifier records nothing for the cache), so without this every start of
 * Pyrometer loads, verifies and links picocli's classes anew. The {@code ./pyrometer} launcher runs this once per
 * build over the headless class path, and puts the upgraded copies in place of the originals:
 * {@code java -cp pyrometer-app.jar dev.pyrometer.app.launch.ClassFileUpgrade DIR JAR...} writes {@code DIR/NAME.jar}
 * for each jar that holds an old class file, and nothing for the others.
 */
public final class ClassFileUpgrade {
    /** Java 6 introduced stack map tables; the AOT cache keeps linked classes from this version on. */
    static final int FIRST_CACHEABLE = 50;
    /** Java 8: new enough for the cache, old enough that no rule of the class file format changes for this code. */
    static final int TARGET = ClassFile.JAVA_8_VERSION;

    private ClassFileUpgrade() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ClassFileUpgrade DIR JAR...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            if (!holdsOldClasses(jar)) continue;
            int upgraded = upgrade(jar, dir.resolve(jar.getFileName()));
            System.out.println(jar.getFileName() + ": " + upgraded + " class files upgraded to version " + TARGET);
        }
    }

    /** Whether any class file in {@code jar} is older than {@link #FIRST_CACHEABLE}. */
    static boolean holdsOldClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class")) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    if (isOld(in.readNBytes(8))) return true;
                }
            }
        }
        return false;
    }

    /**
     * Copies {@code in} to {@code out} (written to a temporary file beside it, then renamed into place), upgrading
     * every class file older than version 50; returns how many were upgraded.
     */
    public static int upgrade(Path in, Path out) throws IOException {
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".part");
        int upgraded = 0;
        try (ZipFile jar = new ZipFile(in.toFile());
             JarOutputStream to = new JarOutputStream(Files.newOutputStream(temp))) {
            // The stack map generator merges types, so it must know the jar's own class hierarchy, then the JDK's.
            ClassHierarchyResolver hierarchy = ClassHierarchyResolver.ofResourceParsing((ClassDesc type) -> {
                String name = type.descriptorString();
                ZipEntry entry = jar.getEntry(name.substring(1, name.length() - 1) + ".class");
                try {
                    return entry == null ? null : jar.getInputStream(entry);
                } catch (IOException e) {
                    return null;
                }
            }).orElse(ClassHierarchyResolver.defaultResolver());
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(hierarchy),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream from = jar.getInputStream(entry)) {
                    bytes = from.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && isOld(bytes)) {
                    bytes = upgrade(classFile, bytes);
                    upgraded++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                to.putNextEntry(copy);
                to.write(bytes);
                to.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return upgraded;
    }

    /** Whether a class file's major version (bytes 6-7) is older than {@link #FIRST_CACHEABLE}. */
    static boolean isOld(byte[] classFile) {
        if (classFile.length < 8 || (classFile[0] & 0xFF) != 0xCA || (classFile[1] & 0xFF) != 0xFE) return false;
        int major = (classFile[6] & 0xFF) << 8 | (classFile[7] & 0xFF);
        return major < FIRST_CACHEABLE;
    }

    /** One class at {@link #TARGET}: every method body is rebuilt, which makes the library generate stack maps. */
    static byte[] upgrade(ClassFile classFile, byte[] bytes) {
        ClassModel model = classFile.parse(bytes);
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) builder.withVersion(TARGET, 0);
            else builder.with(element);
        };
        return classFile.transformClass(model,
            version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
    }
}
