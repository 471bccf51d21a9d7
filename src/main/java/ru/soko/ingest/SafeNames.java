package ru.soko.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * File names as the archive stores and shows them. A name comes from a disk, an unpacked archive or
 * an upload form and may hold control characters (terminal escapes, line breaks), invisible
 * direction overrides («‮txt.exe»), {@code ../} or be hundreds of characters long. The name is
 * only ever shown (originals are stored under their SHA-256), but it is shown in the CLI, on pages
 * and in downloads, so it is cleaned once, here.
 */
public final class SafeNames {

    public static final int MAX_LENGTH = 255;
    static final String UNNAMED = "без имени";
    private static final int MAX_EXTENSION = 16;

    private SafeNames() {
    }

    /** The last part of a name, without folders: {@code ../../x/приказ.docx} → {@code приказ.docx}. */
    public static String name(String raw) {
        List<String> parts = parts(raw);
        return parts.isEmpty() ? UNNAMED : shorten(parts.get(parts.size() - 1));
    }

    /** A relative path with {@code /} between folders and no {@code .} or {@code ..} parts. */
    public static String path(String raw) {
        List<String> parts = parts(raw);
        return parts.isEmpty() ? UNNAMED : shorten(String.join("/", parts));
    }

    private static List<String> parts(String raw) {
        List<String> parts = new ArrayList<>();
        if (raw == null) {
            return parts;
        }
        for (String part : clean(raw).split("[/\\\\]")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.equals(".") && !p.equals("..")) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** Control characters and line breaks become spaces; invisible format characters are dropped. */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else if (type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ");
    }

    /** At most {@link #MAX_LENGTH} characters, keeping the extension: «дддд…ддд….txt». */
    static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length()) - 1;
        return name.substring(0, name.offsetByCodePoints(0, keep)) + "…" + extension;
    }
}
