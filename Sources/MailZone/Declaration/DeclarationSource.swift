import Foundation
import MailAuth

/// Loads `mailzone.yaml` with the built-in presets, as every command does.
public enum DeclarationSource {
    /// The declaration at `path` (shown in messages as written).
    public static func load(path: String) throws(DeclarationErrors) -> Declaration {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        return try DeclarationLoader.load(
            contentsOf: URL(fileURLWithPath: path), displayPath: path, builtInPresets: catalog)
    }
}
