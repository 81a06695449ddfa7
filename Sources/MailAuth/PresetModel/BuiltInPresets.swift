import Foundation

/// The preset files shipped inside the MailAuth module (`Presets/NAME.yaml`).
///
/// MailAuth only lists them: decoding (with file, line and column in errors) is the MailZone
/// module's, so built-in and user presets go through one decoder.
public enum BuiltInPresets {
    /// The folder holding the preset files, copied as is into the module's bundle.
    public static var directory: URL? {
        Bundle.module.url(forResource: "Presets", withExtension: nil)
    }

    /// Every `*.yaml` preset file, named by its file name without extension, sorted by name.
    public static func files() -> [(name: String, url: URL)] {
        guard let directory,
              let urls = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return [] }
        return urls
            .filter { $0.pathExtension == "yaml" }
            .map { (name: $0.deletingPathExtension().lastPathComponent, url: $0) }
            .sorted { $0.name < $1.name }
    }
}
