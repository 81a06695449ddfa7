import Foundation

@testable import MailAuth
@testable import MailZone

/// A declaration of one sender, `a.example`, with the `services:` entries given (YAML lines
/// indented by six spaces) and, when given, `presets:` of its own: how the preset tests
/// (`PresetCorrectionTests`, `PresetVariantTests`, `PresetParameterTests`) read a service's
/// records or its errors, with the built-in presets and no zone.
enum OneSenderDeclaration {
    static func load(services: String, presets: String? = nil) throws -> Declaration {
        let yaml =
            "version: 1\nsenders:\n  - domain: a.example\n    services:\n" + services + "\n"
            + (presets.map { "presets:\n" + $0 + "\n" } ?? "")
        return try DeclarationLoader.load(
            data: Data(yaml.utf8), file: URL(fileURLWithPath: "/x/mailzone.yaml"),
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
    }

    /// The errors the declaration is refused with, as printed; none when it loads.
    static func errors(services: String, presets: String? = nil) -> [String] {
        do {
            _ = try load(services: services, presets: presets)
            return []
        } catch let errors as DeclarationErrors {
            return errors.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}
