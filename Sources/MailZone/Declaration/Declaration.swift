import Foundation

/// The decoded mailzone.yaml: which zone files exist, which domains send mail
/// through which services, and the user's own service presets.
///
/// Produced only by `DeclarationLoader`, which has checked everything that can be
/// checked without reading the zone files: names, presets and their inputs, the
/// zone of every sender, and that each sender's records expand (`records(ofSender:)`).
public struct Declaration: Sendable, Hashable {
    /// The declaration format this mailzone reads; a file declaring a newer one is refused.
    public static let supportedVersion = 1

    /// The YAML file, resolved; zone file paths are relative to its directory.
    public var file: URL
    /// The path errors show for the YAML file.
    public var displayPath: String
    public var version: Located<Int>
    public var zones: [ZoneDeclaration]
    public var senders: [SenderDeclaration]
    /// The user's own presets (`presets:`), as written.
    public var presets: [PresetDefinition]
    /// Built-in presets and the user's, by name.
    public var catalog: PresetCatalog
    /// The zone of each sender, as a position in `zones`; nil for a sender in no declared zone.
    public var senderZones: [Int?]
    /// `deletions:`: what apply may delete (see `DeletionGuard`).
    public var deletions = DeletionPolicy()

    public init(
        file: URL, displayPath: String, version: Located<Int>, zones: [ZoneDeclaration],
        senders: [SenderDeclaration], presets: [PresetDefinition], catalog: PresetCatalog,
        senderZones: [Int?]
    ) {
        self.file = file
        self.displayPath = displayPath
        self.version = version
        self.zones = zones
        self.senders = senders
        self.presets = presets
        self.catalog = catalog
        self.senderZones = senderZones
    }

    /// The records sender `index` wants: its presets' records with its inputs filled in, named
    /// under its zone. Expanded on each call, and cheap: keeping every sender's records for the
    /// whole run would hold a hosting provider's declaration in memory several times over.
    /// The loader has found every problem an expansion reports, so this reports none.
    public func records(ofSender index: Int) -> SenderRecords {
        var diagnostics = Diagnostics()
        return SenderExpander(catalog: catalog).expand(
            senders[index], zone: senderZones[index].map { zones[$0] },
            diagnostics: &diagnostics)
    }

    /// Every sender's records, in `senders` order (see `records(ofSender:)`).
    public var expanded: [SenderRecords] { senders.indices.map(records(ofSender:)) }
}

/// A zone file mailzone may edit, and the origin its relative names hang from.
public struct ZoneDeclaration: Sendable, Hashable {
    /// Where the zone's entry starts in the YAML.
    public var location: YAMLLocation
    /// The zone's origin, absolute (`example.com.`) whether or not the YAML wrote the dot.
    public var origin: Located<DeclaredName>
    /// The path as written (`zones/db.example.com`), relative to the YAML file's directory.
    public var file: Located<String>
    /// The YAML file's directory, which `file` is relative to.
    public var directory: URL

    /// `file` resolved against the YAML file's directory. Made when asked (only `verify` asks), not
    /// when the declaration is read: standardising a URL for each of ten thousand zones was a tenth
    /// of reading their declaration.
    public var url: URL {
        // A zone file, not a directory: said, so Foundation does not ask the file system.
        URL(fileURLWithPath: file.value, isDirectory: false, relativeTo: directory).standardizedFileURL
    }

    /// `directory` is the YAML file's directory, against which `file` is resolved.
    public init(location: YAMLLocation, origin: Located<DeclaredName>, file: Located<String>, directory: URL) {
        self.location = location
        self.origin = origin
        self.file = file
        self.directory = directory
    }
}
