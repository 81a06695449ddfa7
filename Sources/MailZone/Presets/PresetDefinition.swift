import MailAuth

/// A preset as loaded from YAML: the service's data and where each part was written.
///
/// `ServicePreset` is the data MailAuth and the renderers use; the locations let
/// an error in a record (an expanded name that is not a valid DNS name) point at
/// the preset's line, whether it came from a built-in file or the user's `presets:`.
public struct PresetDefinition: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Shipped with mailzone; carries the preset file's name.
        case builtIn(file: String)
        /// Declared in the user's mailzone.yaml under `presets:`.
        case user
        /// Made from a Domain Connect template for one sender (`preset: { domain-connect: FILE }`);
        /// carries the template's path. Never in the catalog: each sender has its own.
        case domainConnect(file: String)
    }

    public var preset: ServicePreset
    public var origin: Origin
    /// Where the preset starts (its mapping).
    public var location: YAMLLocation
    /// Where each record starts, parallel to `preset.records`.
    public var recordLocations: [YAMLLocation]
    /// Parsed templates of each record: (name, value), parallel to `preset.records`.
    public var recordTemplates: [RecordTemplates]
    /// Parsed templates of the SPF include and name, when the preset has SPF.
    public var spfTemplates: RecordTemplates?
    /// SPF includes besides `preset.spf`: a Domain Connect template may have several SPFM rules,
    /// at several names. Empty for YAML presets, which have one include.
    public var additionalSPF: [SPFRequest] = []
    /// How each record meets other TXT records at its name, parallel to `preset.records` when set
    /// (Domain Connect's `txtConflictMatchingMode`); empty for YAML presets.
    public var txtConflicts: [TXTConflictMatching] = []

    public init(
        preset: ServicePreset, origin: Origin, location: YAMLLocation, recordLocations: [YAMLLocation],
        recordTemplates: [RecordTemplates], spfTemplates: RecordTemplates?
    ) {
        self.preset = preset
        self.origin = origin
        self.location = location
        self.recordLocations = recordLocations
        self.recordTemplates = recordTemplates
        self.spfTemplates = spfTemplates
    }

    public var name: String { preset.name }

    /// The name and value templates of one record (for SPF: the name and the include domain).
    public struct RecordTemplates: Sendable, Hashable {
        public let name: Template
        public let value: Template
        /// Inputs named by either template, built-ins excluded. Found once: every expansion of
        /// every sender asks for them.
        public let inputs: [String]
        /// The name read once when it has no placeholder (`@`, `qcloud._domainkey`), as every sender puts it
        /// before its domain; nil when it has one or is not a valid relative name.
        let writtenName: WrittenName?
        /// Whether either template names a built-in placeholder (`${domain}`, `${domain_dashed}`): only the
        /// few presets whose templates do are given the sender's domain as text (`SenderExpander`).
        let usesBuiltIns: Bool

        public init(name: Template, value: Template) {
            self.name = name
            self.value = value
            let placeholders = name.placeholders + value.placeholders
            self.inputs = placeholders.filter { !Template.builtInPlaceholders.contains($0) }
            self.usesBuiltIns = placeholders.contains { Template.builtInPlaceholders.contains($0) }
            self.writtenName = WrittenName(name)
        }

        /// True when a template names the input or one of its parts (`${region}`, `${region.spf}`).
        public func uses(_ input: PresetInput) -> Bool {
            inputs.contains { $0 == input.name || (!input.parts.isEmpty && $0.hasPrefix(input.name + ".")) }
        }
    }

    /// A record's name without placeholders, read as `DeclaredName.appending(relative:)` reads it.
    struct WrittenName: Sendable, Hashable {
        /// As the preset writes it: what a problem with it quotes.
        let text: String
        /// Lower-cased, leftmost first; none for `@`.
        let labels: [String]
        /// The labels with dots between: the owner's relative form before the sender's (`qcloud._domainkey`).
        let relative: String

        /// `template` read when it has no placeholder; nil when it has one or is not a valid relative name.
        init?(_ template: Template) {
            var text = ""
            for part in template.parts {
                guard case .literal(let literal) = part else { return nil }
                text += literal
            }
            self.text = text
            if text == "@" {
                labels = []
            } else {
                guard let labels = DeclaredName.relativeLabels(text) else { return nil }
                self.labels = labels
            }
            relative = labels.joined(separator: ".")
        }
    }

    /// One SPF include and its templates.
    public struct SPFRequest: Sendable, Hashable {
        public var spf: PresetSPF
        public var templates: RecordTemplates

        public init(spf: PresetSPF, templates: RecordTemplates) {
            self.spf = spf
            self.templates = templates
        }
    }

    /// Every SPF include: `preset.spf`, then `additionalSPF`.
    public var spfRequests: [SPFRequest] {
        guard let spf = preset.spf, let templates = spfTemplates else { return additionalSPF }
        return [SPFRequest(spf: spf, templates: templates)] + additionalSPF
    }

    /// Calls `body` with each of `spfRequests`, in their order, without the array they make: every service of
    /// every sender asks for them (`SenderExpander`).
    func forEachSPFRequest(_ body: (PresetSPF, RecordTemplates) -> Void) {
        if let spf = preset.spf, let templates = spfTemplates { body(spf, templates) }
        for request in additionalSPF { body(request.spf, request.templates) }
    }

    /// Whether a template of the preset (a record's, an SPF include's) names a built-in placeholder.
    var usesBuiltIns: Bool {
        recordTemplates.contains { $0.usesBuiltIns } || (spfTemplates?.usesBuiltIns ?? false)
            || additionalSPF.contains { $0.templates.usesBuiltIns }
    }

    /// True when the user names the DKIM selector (`dkim_selector` and its key `dkim.key`, as Mailgun,
    /// Postmark, SparkPost and Zoho): a service may then list several selectors under `dkim:`
    /// (`dkim: { s2024: KEY, s2025: KEY }`) while it rotates keys (docs/OWNERSHIP.md).
    public var namesDKIMSelector: Bool {
        preset.inputs.contains { $0.name == Self.selectorInput } && preset.inputs.contains { $0.name == Self.keyInput }
    }

    /// The inputs a `dkim: { SELECTOR: KEY }` entry fills, for a preset that `namesDKIMSelector`.
    public static let selectorInput = "dkim_selector"
    public static let keyInput = "dkim.key"

    /// The inputs that must be supplied when every input takes its default: required ones,
    /// unless only optional records use them.
    public var requiredInputs: [PresetInput] { requiredInputs(given: defaultValues) }

    /// Each input's default, by name.
    public var defaultValues: [String: String] {
        var values: [String: String] = [:]
        for input in preset.inputs { values[input.name] = input.defaultValue }
        return values
    }

    /// The value of each input for `service`: what it wrote, else the default. These pick the
    /// variant (`mode`, `region`); the templates get their expansions.
    func writtenValues(of service: ServiceUse) -> [String: String] {
        // `defaultValues` made at its size, not grown (and rehashed) an input at a time: every service of every
        // sender asks.
        var values: [String: String] = [:]
        values.reserveCapacity(preset.inputs.count)
        for input in preset.inputs { values[input.name] = input.defaultValue }
        for input in service.inputs where preset.inputs.contains(where: { $0.name == input.name.value }) {
            values[input.name.value] = input.value.value
        }
        return values
    }

    /// The inputs that must be supplied in the variant `values` selects (input name → the value
    /// written, or the default): required ones used by the SPF include, by a wanted record that
    /// is not optional, or by nothing. An input only another variant's records use is not asked for.
    public func requiredInputs(given values: [String: String]) -> [PresetInput] {
        preset.inputs.filter { input in
            guard input.required else { return false }
            let users = recordTemplates.indices.filter { recordTemplates[$0].uses(input) }
            let spfUses = spfRequests.contains { $0.templates.uses(input) }
            if users.isEmpty && !spfUses { return true }
            return spfUses
                || users.contains { !preset.records[$0].optional && preset.records[$0].applies(to: values) }
        }
    }
}
