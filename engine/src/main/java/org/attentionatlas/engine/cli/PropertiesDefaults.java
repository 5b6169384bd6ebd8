package org.attentionatlas.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Option defaults from properties, keyed by the long option name without dashes: a resource on the class path holds
 * the built-in defaults, and the file given with the command's {@code fileOption} (e.g. {@code --conf FILE}) overrides
 * them; options given on the command line override both. A key the command does not know is an error.
 */
public class PropertiesDefaults implements IDefaultValueProvider {

    private final Properties builtIn;
    private final String fileOption;
    private Path loadedFrom;
    private Properties file;

    /** {@code resource} is read with {@code owner}'s class loader. */
    protected PropertiesDefaults(Class<?> owner, String resource, String fileOption) {
        this.builtIn = new Properties();
        this.fileOption = fileOption;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in defaults " + resource + " missing from the class path");
            }
            builtIn.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in defaults' keys. */
    public java.util.Set<String> keys() {
        return builtIn.stringPropertyNames();
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = key(option);
        if (key.equals(fileOption)) {
            return null;
        }
        Properties overrides = overrides(arg.command());
        String value = overrides != null && overrides.containsKey(key) ? overrides.getProperty(key)
                : builtIn.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim(); // empty: no default (help shows none)
    }

    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** The file named by the file option (parsed before defaults are applied), or null. */
    private Properties overrides(CommandSpec command) {
        OptionSpec option = command.findOption(fileOption);
        Object value = option == null ? null : option.getValue();
        if (value == null) {
            return null;
        }
        Path path = Path.of(value.toString());
        if (!path.equals(loadedFrom)) {
            file = read(command, path);
            loadedFrom = path;
        }
        return file;
    }

    private static Properties read(CommandSpec command, Path path) {
        CommandLine cl = command.commandLine();
        if (!Files.isRegularFile(path)) {
            throw new CommandLine.ParameterException(cl, "config file " + path.toAbsolutePath() + " does not exist");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "cannot read config file " + path + ": " + e.getMessage());
        }
        TreeSet<String> known = new TreeSet<>();
        command.options().forEach(o -> known.add(key(o)));
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new CommandLine.ParameterException(cl, "config file " + path + ": unknown setting '" + key
                        + "'; known: " + String.join(", ", known));
            }
        }
        return p;
    }
}
