package org.failback.it.security;

import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Every JAX-RS endpoint of the EAR the tests deploy, as {@code "METHOD path-template"} (templates as the resources
 * declare them, relative to /api), found by loading the war's classes and reading their annotations: a new endpoint
 * shows up here without anyone listing it.
 */
final class DeployedEndpoints {

    private DeployedEndpoints() {}

    static List<String> all() {
        Path ear = Path.of(System.getProperty("ear.file"));
        try {
            Path dir = Files.createTempDirectory("deployed-endpoints");
            Path war = dir.resolve("web.war");
            extract(ear, "web.war", war);
            Path classes = dir.resolve("classes");
            List<URL> urls = new ArrayList<>();
            List<String> classNames = new ArrayList<>();
            try (JarInputStream in = new JarInputStream(Files.newInputStream(war))) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    String name = entry.getName();
                    if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                        Path target = classes.resolve(name.substring("WEB-INF/classes/".length()));
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        classNames.add(name.substring("WEB-INF/classes/".length(), name.length() - 6)
                                .replace('/', '.'));
                    } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                        Path target = dir.resolve(name.substring("WEB-INF/lib/".length()));
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        urls.add(target.toUri().toURL());
                    }
                }
            }
            urls.add(0, classes.toUri().toURL());
            TreeSet<String> endpoints = new TreeSet<>();
            try (URLClassLoader loader =
                    new URLClassLoader(urls.toArray(URL[]::new), DeployedEndpoints.class.getClassLoader())) {
                for (String className : classNames) {
                    Class<?> type;
                    try {
                        type = Class.forName(className, false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue; // needs server classes (Undertow): not a resource
                    }
                    jakarta.ws.rs.Path resource = type.getAnnotation(jakarta.ws.rs.Path.class);
                    if (resource != null) {
                        collect(type, resource.value(), endpoints);
                    }
                }
            }
            return List.copyOf(endpoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Class<?> type, String base, TreeSet<String> endpoints) {
        for (Method method : type.getDeclaredMethods()) {
            String http = httpMethod(method);
            jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
            if (http == null && path != null) {
                throw new AssertionError("sub-resource locator " + type.getName() + "." + method.getName()
                        + ": extend DeployedEndpoints to follow it");
            }
            if (http != null) {
                endpoints.add(http + " " + join(base, path == null ? "" : path.value()));
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String left = base.replaceAll("^/+|/+$", "");
        String right = sub.replaceAll("^/+|/+$", "");
        return right.isEmpty() ? left : left + "/" + right;
    }

    private static void extract(Path zip, String entryName, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(zip))) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                if (entry.getName().equals(entryName)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IllegalStateException(entryName + " not found in " + zip);
    }
}
