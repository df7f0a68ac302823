package dev.orchestrion.content.entry;

/** Seed 003's version numbers: {@code 0.1} on create, minor +1 per save, the next major on publish. */
public final class VersionNumbers {

    public static final String INITIAL = "0.1";

    private VersionNumbers() {
    }

    public static String nextMinor(String versionNo) {
        int[] parts = parse(versionNo);
        return parts[0] + "." + (parts[1] + 1);
    }

    public static String nextMajor(String versionNo) {
        int[] parts = parse(versionNo);
        return (parts[0] + 1) + ".0";
    }

    private static int[] parse(String versionNo) {
        int dot = versionNo.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Not a version number: " + versionNo);
        }
        return new int[]{Integer.parseInt(versionNo.substring(0, dot)), Integer.parseInt(versionNo.substring(dot + 1))};
    }
}
