import Foundation

/// The presets a declaration may name: mailzone's built-in services and the user's own.
///
/// A user preset may not take a built-in's name: silently shadowing `tencent-ses`
/// would make the same mailzone.yaml mean different things on different
/// machines, and a reviewer reading `preset: tencent-ses` would be misled.
public struct PresetCatalog: Sendable, Hashable {
    /// Built-in presets first (in the order of their files), then the user's in declaration order.
    public private(set) var definitions: [PresetDefinition]

    public init(definitions: [PresetDefinition] = []) {
        self.definitions = definitions
    }

    /// The preset called `name`, if any.
    public func preset(named name: String) -> PresetDefinition? {
        definitions.first { $0.name == name }
    }

    public var names: [String] { definitions.map(\.name) }

    /// Loads the built-in preset files (MailAuth's `BuiltInPresets.files()`: name and text); each
    /// file's `name:` must match the name it is listed under.
    public static func builtIn(files: [(name: String, text: String)]) throws(DeclarationErrors) -> PresetCatalog {
        var diagnostics = Diagnostics()
        let catalog = builtIn(files: files, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { throw DeclarationErrors(diagnostics.errors) }
        return catalog
    }

    /// Decodes one preset file (the shape of `schemas/preset.schema.json`).
    public static func loadPresetFile(at url: URL, displayPath: String? = nil) throws(DeclarationErrors)
        -> PresetDefinition
    {
        var diagnostics = Diagnostics()
        let path = displayPath ?? url.path
        let definition = loadFile(at: url, displayPath: path, origin: .builtIn(file: path), diagnostics: &diagnostics)
        guard let definition, diagnostics.isEmpty else {
            throw DeclarationErrors(diagnostics.errors)
        }
        return definition
    }

    // MARK: - Internal, collecting into the caller's diagnostics

    static func builtIn(files: [(name: String, text: String)], diagnostics: inout Diagnostics) -> PresetCatalog {
        var catalog = PresetCatalog()
        for file in files {
            let path = "\(file.name).yaml"
            let root: YAMLNode?
            do {
                root = try YAMLSource.parse(bytes: Array(file.text.utf8), file: path)
            } catch {
                diagnostics.append(error)
                continue
            }
            guard
                let definition = decode(
                    root, displayPath: path, origin: .builtIn(file: path),
                    diagnostics: &diagnostics)
            else { continue }
            if definition.name != file.name {
                diagnostics.error(
                    at: definition.location,
                    "the preset file for '\(file.name)' names itself '\(definition.name)'",
                    hint: "make the file's 'name:' match its file name")
                continue
            }
            if catalog.preset(named: definition.name) != nil {
                diagnostics.error(at: definition.location, "the built-in preset '\(definition.name)' is defined twice")
                continue
            }
            catalog.definitions.append(definition)
        }
        return catalog
    }

    static func loadFile(
        at url: URL, displayPath: String, origin: PresetDefinition.Origin,
        diagnostics: inout Diagnostics
    ) -> PresetDefinition? {
        let root: YAMLNode?
        do {
            root = try YAMLSource.load(contentsOf: url, displayPath: displayPath)
        } catch {
            diagnostics.append(error)
            return nil
        }
        return decode(root, displayPath: displayPath, origin: origin, diagnostics: &diagnostics)
    }

    /// A preset from a parsed file; an empty file is an error at its first line.
    static func decode(
        _ root: YAMLNode?, displayPath: String, origin: PresetDefinition.Origin,
        diagnostics: inout Diagnostics
    ) -> PresetDefinition? {
        guard let root else {
            diagnostics.error(at: YAMLLocation(file: displayPath, line: 1, column: 1), "the preset file is empty")
            return nil
        }
        return PresetDecoder.decode(root, origin: origin, diagnostics: &diagnostics)
    }

    /// Adds the user's presets, refusing names already taken (by a built-in or an earlier user preset).
    mutating func add(user presets: [PresetDefinition], diagnostics: inout Diagnostics) {
        for definition in presets {
            if let existing = preset(named: definition.name) {
                switch existing.origin {
                case .builtIn:
                    diagnostics.error(
                        at: definition.location, "preset '\(definition.name)' is already built in",
                        hint: "pick another name for your preset, or use the built-in one")
                case .user, .domainConnect:
                    diagnostics.error(
                        at: definition.location, "preset '\(definition.name)' is declared twice",
                        hint: "the first is at line \(existing.location.line); remove or rename one")
                }
                continue
            }
            definitions.append(definition)
        }
    }
}
