/// The release of the package: `sietool --version` prints it and exports write it to
/// `#PROGRAM`.
public enum Release {
  public static let version = "0.5.0"
}
