import Foundation

/// Loads mailzone.yaml: parses it, decodes it, checks it and expands each sender's records.
///
/// Every problem found is reported, in source order, as one `DeclarationErrors`;
/// a declaration is returned only when there are none. Zone files are named and
/// resolved but not read.
public enum DeclarationLoader {
    /// Loads the declaration at `url`. `displayPath` is how errors name the file (the path the
    /// user typed; the file name by default). `builtInPresets` is MailAuth's built-in catalog.
    public static func load(contentsOf url: URL, displayPath: String? = nil,
                            builtInPresets: PresetCatalog) throws(DeclarationErrors) -> Declaration {
        let path = displayPath ?? url.lastPathComponent
        let root: YAMLNode?
        do {
            root = try YAMLSource.load(contentsOf: url, displayPath: path)
        } catch {
            throw DeclarationErrors([error])
        }
        return try decode(root, file: url, displayPath: path, builtInPresets: builtInPresets)
    }

    /// Loads a declaration from bytes, as if read from `url` (zone paths resolve against its directory).
    public static func load(data: Data, file url: URL, displayPath: String? = nil,
                            builtInPresets: PresetCatalog) throws(DeclarationErrors) -> Declaration {
        let path = displayPath ?? url.lastPathComponent
        let root: YAMLNode?
        do {
            root = try YAMLSource.parse(data: data, file: path)
        } catch {
            throw DeclarationErrors([error])
        }
        return try decode(root, file: url, displayPath: path, builtInPresets: builtInPresets)
    }

    private static func decode(_ root: YAMLNode?, file url: URL, displayPath: String,
                               builtInPresets: PresetCatalog) throws(DeclarationErrors) -> Declaration {
        guard let root else {
            throw DeclarationErrors([DeclarationError(
                at: YAMLLocation(file: displayPath, line: 1, column: 1), "\(displayPath) is empty",
                hint: "start it with 'version: \(Declaration.supportedVersion)', then 'zones:' and 'senders:'")])
        }
        var diagnostics = Diagnostics()
        let decoder = DeclarationDecoder(baseDirectory: url.deletingLastPathComponent())
        let draft = try decoder.decode(root, diagnostics: &diagnostics)

        var catalog = builtInPresets
        catalog.add(user: draft.presets, diagnostics: &diagnostics)

        let validator = DeclarationValidator(catalog: catalog, brokenPresetNames: draft.brokenPresetNames)
        validator.validateZones(draft.zones, diagnostics: &diagnostics)
        validator.validateSenders(draft.senders, zones: draft.zones, diagnostics: &diagnostics)

        let expander = SenderExpander(catalog: catalog)
        let zoneIndex = ZoneIndex(draft.zones)
        let expanded = draft.senders.map {
            expander.expand($0, zone: zoneIndex.zone(for: $0.domain.value), diagnostics: &diagnostics)
        }
        guard diagnostics.isEmpty else { throw DeclarationErrors(diagnostics.errors) }
        return Declaration(file: url, displayPath: displayPath, version: draft.version, zones: draft.zones,
                           senders: draft.senders, presets: draft.presets, catalog: catalog, expanded: expanded)
    }
}
