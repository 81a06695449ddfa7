/// The preset files shipped with mailzone (`Sources/MailAuth/Presets/NAME.yaml`), compiled into
/// the module by the EmbedPresets build-tool plugin (`embedded`, generated at build time).
///
/// Compiled in rather than shipped as a resource bundle, so a `mailzone` binary copied
/// anywhere alone still knows every service: a missing bundle used to make `presets` list
/// nothing and `plan` refuse `tencent-ses` as unknown.
///
/// MailAuth only lists them: decoding (with file, line and column in errors) is the MailZone
/// module's, so built-in and user presets go through one decoder.
public enum BuiltInPresets {
    /// Every preset file, named by its file name without `.yaml`, with its text, sorted by name.
    public static func files() -> [(name: String, text: String)] {
        embedded.sorted { $0.name < $1.name }
    }

    /// The name a built-in preset file is shown under in errors: its file name.
    public static func fileName(of name: String) -> String { "\(name).yaml" }
}
