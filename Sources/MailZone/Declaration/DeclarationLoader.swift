import Foundation

/// Loads mailzone.yaml: parses it, decodes it, and checks it and the records each sender expands to.
///
/// Every problem found is reported, in source order, as one `DeclarationErrors`;
/// a declaration is returned only when there are none. Zone files are named and
/// resolved but not read.
public enum DeclarationLoader {
    /// Loads the declaration at `url`. `displayPath` is how errors name the file (the path the
    /// user typed; the file name by default). `builtInPresets` is MailAuth's built-in catalog.
    public static func load(
        contentsOf url: URL, displayPath: String? = nil,
        builtInPresets: PresetCatalog
    ) throws(DeclarationErrors) -> Declaration {
        try load(file: url, displayPath: displayPath, builtInPresets: builtInPresets) { path throws(DeclarationError) in
            try YAMLSource.load(contentsOf: url, displayPath: path)
        }
    }

    /// Loads a declaration from bytes, as if read from `url` (zone paths resolve against its directory).
    public static func load(
        data: Data, file url: URL, displayPath: String? = nil,
        builtInPresets: PresetCatalog
    ) throws(DeclarationErrors) -> Declaration {
        try load(file: url, displayPath: displayPath, builtInPresets: builtInPresets) { path throws(DeclarationError) in
            try YAMLSource.parse(data: data, file: path)
        }
    }

    /// Loads the declaration `parse` reads (given the path errors name it by), as if from `url`.
    /// `expandingEverySender` expands every sender for its problems, not only those `ExpansionProblemCheck`
    /// cannot clear: the errors are the same (tests compare them).
    static func load(
        file url: URL, displayPath: String?, builtInPresets: PresetCatalog, expandingEverySender: Bool = false,
        parse: (String) throws(DeclarationError) -> YAMLNode?
    ) throws(DeclarationErrors) -> Declaration {
        let path = displayPath ?? url.lastPathComponent
        var diagnostics = Diagnostics()
        let draft = try decode(file: url, displayPath: path, diagnostics: &diagnostics) { () throws(DeclarationError) in
            try parse(path)
        }
        // Handed over, not shared: `complete` changes the senders in place (a shared list of thousands
        // would be copied whole for it).
        return try complete(
            consume draft, file: url, displayPath: path, builtInPresets: builtInPresets, diagnostics: diagnostics,
            expandingEverySender: expandingEverySender)
    }

    /// Parses with `parse` and decodes the tree. The tree lives only in here: a large declaration's
    /// tree is several times its decoded form, and is let go of before the senders are expanded.
    private static func decode(
        file url: URL, displayPath: String, diagnostics: inout Diagnostics,
        parse: () throws(DeclarationError) -> YAMLNode?
    ) throws(DeclarationErrors)
        -> DeclarationDecoder.Draft
    {
        let root: YAMLNode?
        do {
            root = try parse()
        } catch {
            throw DeclarationErrors([error])
        }
        guard let root else {
            throw DeclarationErrors([
                DeclarationError(
                    at: YAMLLocation(file: displayPath, line: 1, column: 1), "\(displayPath) is empty",
                    hint: "start it with 'version: \(Declaration.supportedVersion)', then 'zones:' and 'senders:'")
            ])
        }
        let decoder = DeclarationDecoder(baseDirectory: url.deletingLastPathComponent())
        // The scalars are read from the file's mapping as they are decoded: a file cut short meanwhile
        // reads as zeros past the cut, which are not what it said, whatever they decoded to.
        let cut = DeclarationErrors([YAMLSource.changedWhileRead(displayPath)])
        let draft: DeclarationDecoder.Draft
        do {
            draft = try decoder.decode(root, diagnostics: &diagnostics)
        } catch {
            throw root.wasCut ? cut : error
        }
        if root.wasCut { throw cut }
        return draft
    }

    /// Checks the decoded parts together and the records each sender expands to.
    private static func complete(
        _ draft: consuming DeclarationDecoder.Draft, file url: URL, displayPath: String,
        builtInPresets: PresetCatalog, diagnostics: Diagnostics, expandingEverySender: Bool
    ) throws(DeclarationErrors)
        -> Declaration
    {
        var diagnostics = diagnostics
        var catalog = builtInPresets
        catalog.add(user: draft.presets, diagnostics: &diagnostics)

        let zoneIndex = ZoneIndex(draft.zones)
        // Each sender's domain read in place, not each sender copied out of the list.
        var senderZones: [Int?] = []
        senderZones.reserveCapacity(draft.senders.count)
        for index in draft.senders.indices {
            senderZones.append(zoneIndex.index(for: draft.senders[index].domain.value))
        }
        DomainConnectResolver.resolve(
            &draft.senders, zones: draft.zones, senderZones: senderZones, diagnostics: &diagnostics)
        let validator = DeclarationValidator(catalog: catalog, brokenPresetNames: draft.brokenPresetNames)
        validator.validateZones(draft.zones, diagnostics: &diagnostics)
        validator.validateSenders(
            draft.senders, zones: draft.zones, senderZones: senderZones, diagnostics: &diagnostics)

        // The senders whose expansion may report a problem only a filled-in record shows (a name that is not a
        // valid DNS name) are expanded here; the records are dropped, and expanded again when they are needed.
        let expander = SenderExpander(catalog: catalog)
        let check = ExpansionProblemCheck(catalog: catalog)
        // Each sender read in place, not copied out of the list first (a declaration may hold thousands).
        for index in draft.senders.indices where expandingEverySender || check.mayReportProblems(draft.senders[index]) {
            _ = expander.expand(
                draft.senders[index], zone: senderZones[index].map { draft.zones[$0] }, diagnostics: &diagnostics)
        }
        guard diagnostics.isEmpty else { throw DeclarationErrors(diagnostics.errors) }
        var declaration = Declaration(
            file: url, displayPath: displayPath, version: draft.version, zones: draft.zones,
            senders: draft.senders, presets: draft.presets, catalog: catalog, senderZones: senderZones)
        declaration.deletions = draft.deletions
        return declaration
    }
}
