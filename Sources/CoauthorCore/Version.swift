/// The tool's version, recorded in exported files.
public enum CoauthorVersion {
    public static let current = "0.1.0"
}
