package dev.pyrometer.sampler.unwind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small demangler for the Itanium C++ ABI names GCC and Clang write ({@code _ZN3foo3BarC2Ev} →
 * {@code foo::Bar::Bar()}): nested and std names, constructors and destructors, common operators, templates,
 * substitutions, template parameters and the usual parameter types. What it does not understand comes back
 * unchanged (never wrongly demangled): a profile then shows the mangled name, which is still the right function.
 */
public final class Demangler {
    private static final Map<String, String> BUILTINS = Map.ofEntries(
        Map.entry("v", "void"), Map.entry("w", "wchar_t"), Map.entry("b", "bool"), Map.entry("c", "char"),
        Map.entry("a", "signed char"), Map.entry("h", "unsigned char"), Map.entry("s", "short"),
        Map.entry("t", "unsigned short"), Map.entry("i", "int"), Map.entry("j", "unsigned int"),
        Map.entry("l", "long"), Map.entry("m", "unsigned long"), Map.entry("x", "long long"),
        Map.entry("y", "unsigned long long"), Map.entry("n", "__int128"), Map.entry("o", "unsigned __int128"),
        Map.entry("f", "float"), Map.entry("d", "double"), Map.entry("e", "long double"),
        Map.entry("g", "__float128"), Map.entry("z", "..."));
    private static final Map<String, String> OPERATORS = Map.ofEntries(
        Map.entry("nw", "new"), Map.entry("na", "new[]"), Map.entry("dl", "delete"), Map.entry("da", "delete[]"),
        Map.entry("ng", "-"), Map.entry("ad", "&"), Map.entry("de", "*"), Map.entry("co", "~"),
        Map.entry("pl", "+"), Map.entry("mi", "-"), Map.entry("ml", "*"), Map.entry("dv", "/"),
        Map.entry("rm", "%"), Map.entry("an", "&"), Map.entry("or", "|"), Map.entry("eo", "^"),
        Map.entry("aS", "="), Map.entry("pL", "+="), Map.entry("mI", "-="), Map.entry("mL", "*="),
        Map.entry("dV", "/="), Map.entry("rM", "%="), Map.entry("aN", "&="), Map.entry("oR", "|="),
        Map.entry("eO", "^="), Map.entry("ls", "<<"), Map.entry("rs", ">>"), Map.entry("lS", "<<="),
        Map.entry("rS", ">>="), Map.entry("eq", "=="), Map.entry("ne", "!="), Map.entry("lt", "<"),
        Map.entry("gt", ">"), Map.entry("le", "<="), Map.entry("ge", ">="), Map.entry("ss", "<=>"),
        Map.entry("nt", "!"), Map.entry("aa", "&&"), Map.entry("oo", "||"), Map.entry("pp", "++"),
        Map.entry("mm", "--"), Map.entry("cm", ","), Map.entry("pm", "->*"), Map.entry("pt", "->"),
        Map.entry("cl", "()"), Map.entry("ix", "[]"), Map.entry("qu", "?"));

    private final String s;
    private int at;
    private final List<String> subs = new ArrayList<>();
    private List<String> templateArgs = List.of();
    /** The last name component read (a constructor or destructor repeats it). */
    private String lastComponent = "";
    private boolean endsWithTemplate;
    private boolean ctorOrDtor;
    /** A const member function ({@code NK…E}): " const" after its parameters. */
    private String memberQualifier = "";

    private Demangler(String s) {
        this.s = s;
    }

    /** The demangled name, or {@code name} itself when it is not mangled or not understood. */
    public static String demangle(String name) {
        if (name == null || !name.startsWith("_Z")) return name;
        String core = name;
        String clone = "";
        int dot = name.indexOf('.');
        if (dot > 0) { // GCC's clones: foo.cold, foo.isra.0, foo.constprop.0
            core = name.substring(0, dot);
            clone = " [clone " + name.substring(dot) + "]";
        }
        try {
            Demangler d = new Demangler(core);
            d.at = 2;
            String out = d.encoding();
            if (d.at != core.length()) return name;
            return out + clone;
        } catch (RuntimeException notUnderstood) {
            return name;
        }
    }

    private String encoding() {
        String name = name();
        if (at >= s.length() || peek() == 'E') return name;
        boolean hasReturn = endsWithTemplate && !ctorOrDtor;
        if (hasReturn) type(); // the return type of a function template: not shown
        List<String> params = new ArrayList<>();
        while (at < s.length() && peek() != 'E' && peek() != '.') params.add(type());
        if (params.size() == 1 && params.get(0).equals("void")) params.clear();
        return name + "(" + String.join(", ", params) + ")" + memberQualifier;
    }

    private String name() {
        char c = peek();
        if (c == 'N') return nested();
        if (c == 'Z') return local();
        String prefix = "";
        if (s.startsWith("St", at)) {
            at += 2;
            prefix = "std::";
        }
        String name;
        if (c == 'S' && prefix.isEmpty()) {
            name = substitution();
        } else {
            name = prefix + unqualified();
            if (peek() == 'I') subs.add(name);
        }
        endsWithTemplate = false;
        if (at < s.length() && peek() == 'I') {
            name = name + templateArgs(true);
            endsWithTemplate = true;
        }
        return name;
    }

    private String local() {
        at++; // Z
        String function = encoding();
        expect('E');
        if (peek() == 's') {
            at++;
            return function + "::string literal";
        }
        String entity = name();
        if (at < s.length() && peek() == '_') { // discriminator
            at++;
            while (at < s.length() && Character.isDigit(peek())) at++;
        }
        return function + "::" + entity;
    }

    private String nested() {
        at++; // N
        memberQualifier = "";
        while ("rVK".indexOf(peek()) >= 0) { // qualifiers of a member function
            if (peek() == 'K') memberQualifier = " const";
            at++;
        }
        if (peek() == 'R' || peek() == 'O') at++;
        StringBuilder name = new StringBuilder();
        endsWithTemplate = false;
        ctorOrDtor = false;
        while (peek() != 'E') {
            endsWithTemplate = false;
            if (peek() == 'I') {
                name.append(templateArgs(true));
                endsWithTemplate = true;
            } else {
                String part;
                if (peek() == 'S') {
                    part = substitution();
                    if (!name.isEmpty()) name.append("::");
                    name.append(part);
                    continue; // a substitution is not added again
                } else if (peek() == 'T') {
                    part = templateParam();
                } else {
                    part = unqualified();
                }
                if (!name.isEmpty()) name.append("::");
                name.append(part);
            }
            if (peek() != 'E') subs.add(name.toString());
        }
        at++; // E
        return name.toString();
    }

    private String unqualified() {
        char c = peek();
        ctorOrDtor = false;
        if (Character.isDigit(c)) return lastComponent = sourceName();
        if (c == 'L') { // internal linkage
            at++;
            return lastComponent = sourceName();
        }
        if (c == 'C' && at + 1 < s.length() && Character.isDigit(s.charAt(at + 1))) {
            at += 2;
            ctorOrDtor = true;
            return lastComponent;
        }
        if (c == 'D' && at + 1 < s.length() && Character.isDigit(s.charAt(at + 1))) {
            at += 2;
            ctorOrDtor = true;
            return "~" + lastComponent;
        }
        if (s.startsWith("cv", at)) {
            at += 2;
            return "operator " + type();
        }
        String op = OPERATORS.get(s.substring(at, Math.min(at + 2, s.length())));
        if (op != null) {
            at += 2;
            return "operator" + op;
        }
        throw new IllegalArgumentException("unknown name at " + at);
    }

    private String sourceName() {
        int length = 0;
        while (Character.isDigit(peek())) length = length * 10 + (s.charAt(at++) - '0');
        if (length <= 0 || at + length > s.length()) throw new IllegalArgumentException("bad length");
        String id = s.substring(at, at + length);
        at += length;
        return id.startsWith("_GLOBAL__N") ? "(anonymous namespace)" : id;
    }

    private String templateArgs(boolean remember) {
        at++; // I
        List<String> args = new ArrayList<>();
        while (peek() != 'E') args.add(templateArg());
        at++;
        if (remember) templateArgs = args;
        String joined = String.join(", ", args);
        return "<" + joined + (joined.endsWith(">") ? " >" : ">");
    }

    private String templateArg() {
        char c = peek();
        if (c == 'L') { // a literal: L type value E
            at++;
            if (s.startsWith("_Z", at)) {
                at += 2;
                String e = encoding();
                expect('E');
                return e;
            }
            String type = type();
            StringBuilder value = new StringBuilder();
            if (peek() == 'n') {
                at++;
                value.append('-');
            }
            while (peek() != 'E') value.append(s.charAt(at++));
            at++;
            if (type.equals("bool")) return value.toString().equals("0") ? "false" : "true";
            return type.equals("int") ? value.toString() : "(" + type + ")" + value;
        }
        if (c == 'J') { // a pack
            at++;
            List<String> pack = new ArrayList<>();
            while (peek() != 'E') pack.add(templateArg());
            at++;
            return String.join(", ", pack);
        }
        return type();
    }

    private String templateParam() {
        at++; // T
        int index = 0;
        if (peek() != '_') index = seqId() + 1;
        expect('_');
        if (index >= templateArgs.size()) throw new IllegalArgumentException("template parameter out of range");
        return templateArgs.get(index);
    }

    private String substitution() {
        at++; // S
        char c = peek();
        String special = switch (c) {
            case 't' -> null;
            case 'a' -> "std::allocator";
            case 'b' -> "std::basic_string";
            case 's' -> "std::string";
            case 'i' -> "std::istream";
            case 'o' -> "std::ostream";
            case 'd' -> "std::iostream";
            default -> "";
        };
        if (c == 't') {
            at++;
            String name = "std::" + unqualified();
            subs.add(name);
            return name;
        }
        if (special != null && !special.isEmpty()) {
            at++;
            return special;
        }
        int index = 0;
        if (peek() != '_') index = seqId() + 1;
        expect('_');
        if (index >= subs.size()) throw new IllegalArgumentException("substitution out of range");
        return subs.get(index);
    }

    private int seqId() {
        int value = 0;
        while (true) {
            char c = peek();
            if (c >= '0' && c <= '9') value = value * 36 + (c - '0');
            else if (c >= 'A' && c <= 'Z') value = value * 36 + (c - 'A' + 10);
            else return value;
            at++;
        }
    }

    private String type() {
        char c = peek();
        String builtin = BUILTINS.get(String.valueOf(c));
        if (builtin != null) {
            at++;
            return builtin;
        }
        String out;
        switch (c) {
            case 'P' -> { at++; out = type() + "*"; }
            case 'R' -> { at++; out = type() + "&"; }
            case 'O' -> { at++; out = type() + "&&"; }
            case 'K' -> { at++; out = type() + " const"; }
            case 'V' -> { at++; out = type() + " volatile"; }
            case 'D' -> {
                char next = s.charAt(at + 1);
                at += 2;
                out = switch (next) {
                    case 'n' -> "decltype(nullptr)";
                    case 'i' -> "char32_t";
                    case 's' -> "char16_t";
                    case 'u' -> "char8_t";
                    case 'a' -> "auto";
                    case 'p' -> type() + "...";
                    default -> throw new IllegalArgumentException("unknown D type");
                };
                if (next == 'n' || next == 'i' || next == 's' || next == 'u' || next == 'a') return out;
            }
            case 'A' -> {
                at++;
                StringBuilder dim = new StringBuilder();
                while (peek() != '_') dim.append(s.charAt(at++));
                at++;
                out = type() + " [" + dim + "]";
            }
            case 'T' -> {
                out = templateParam();
                if (at < s.length() && peek() == 'I') out += templateArgs(false);
            }
            case 'S' -> {
                boolean std = s.startsWith("St", at);
                out = substitution();
                if (std) {
                    if (at < s.length() && peek() == 'I') out += templateArgs(false);
                    else return out;
                } else if (at < s.length() && peek() == 'I') {
                    out += templateArgs(false);
                } else {
                    return out; // already a candidate
                }
            }
            case 'N', 'Z' -> {
                List<String> saved = templateArgs;
                out = c == 'N' ? nested() : local();
                templateArgs = saved;
            }
            default -> {
                if (!Character.isDigit(c)) throw new IllegalArgumentException("unknown type " + c);
                out = sourceName();
                if (at < s.length() && peek() == 'I') {
                    subs.add(out);
                    List<String> saved = templateArgs;
                    out += templateArgs(false);
                    templateArgs = saved;
                }
            }
        }
        subs.add(out);
        return out;
    }

    /** The next character, or 0 at the end (which no rule accepts, so a cut name fails). */
    private char peek() {
        return at < s.length() ? s.charAt(at) : 0;
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalArgumentException("expected " + c);
        at++;
    }
}
