/// A sending service's DNS needs, as data: which records at which names relative
/// to the sender domain, which values are fixed and which the user supplies.
///
/// Presets are loaded from YAML (the built-in files under `Presets/` and the
/// user's own `presets:` in mailzone.yaml) by one decoder in the MailZone module,
/// so a user adds a service without touching Swift. Templates use `${input}`
/// placeholders; `${domain}` (the sender domain, no trailing dot) and
/// `${domain_dashed}` (dots replaced by dashes, as Microsoft 365 writes it) are
/// always defined.
public struct ServicePreset: Sendable, Hashable {
    /// Identifier used in mailzone.yaml (`preset: tencent-ses`).
    public var name: String
    /// Human-readable service name ("Tencent Cloud SES").
    public var title: String
    /// Where the service documents these records.
    public var documentation: String?
    /// The SPF `include:` domain merged into the sender's SPF record, if the service needs one.
    public var spf: PresetSPF?
    /// The records the service needs besides the SPF include.
    public var records: [PresetRecord]
    /// The values the user supplies (DKIM keys, tokens, region).
    public var inputs: [PresetInput]
    /// Remarks shown with the preset (constraints, advice).
    public var notes: [String]
    /// The day the values' sources were last read (`2026-12-06`): a reader of `presets NAME`
    /// can judge how stale the preset may be. Built-in presets must have it.
    public var checked: String?

    public init(
        name: String, title: String, documentation: String? = nil, spf: PresetSPF? = nil,
        records: [PresetRecord] = [], inputs: [PresetInput] = [], notes: [String] = [],
        checked: String? = nil
    ) {
        self.name = name
        self.title = title
        self.documentation = documentation
        self.spf = spf
        self.records = records
        self.inputs = inputs
        self.notes = notes
        self.checked = checked
    }
}

/// The SPF mechanism a service asks for.
public struct PresetSPF: Sendable, Hashable {
    /// Domain for `include:` (template allowed), e.g. `qcloudmail.com`.
    public var include: String
    /// Name relative to the sender domain where the SPF record lives; `@` by default
    /// (AWS SES puts it at its MAIL FROM subdomain).
    public var name: String
    /// The record suggested when the name has no SPF record yet, e.g. `v=spf1 include:qcloudmail.com ~all`.
    /// Ignored when a record already exists (MAILAUTH.md merge rule 6).
    public var suggestedAll: String
    /// True when the include domain is not confirmed by the service's documentation.
    public var unconfirmed: Bool
    /// The variants in which the include is unconfirmed, when only some are (Alibaba's regions
    /// other than Hangzhou): input name → values. Empty when `unconfirmed` says it all.
    public var unconfirmedWhen: [String: [String]] = [:]
    /// Where the include comes from: the service's documentation (URL or title), or, for an
    /// unconfirmed value, what it rests on. A wrong preset ends up in production DNS, so a
    /// reviewer must be able to check every value.
    public var source: String?

    public init(
        include: String, name: String = "@", suggestedAll: String = "~all", unconfirmed: Bool = false,
        source: String? = nil
    ) {
        self.include = include
        self.name = name
        self.suggestedAll = suggestedAll
        self.unconfirmed = unconfirmed
        self.source = source
    }
}

/// What a record is for; decides how the planner merges it with what a zone has.
public enum RecordPurpose: String, Sendable, Hashable, CaseIterable {
    /// Inbound or feedback MX (a conflict when the name already receives mail elsewhere).
    case mx
    /// A DKIM key (TXT) or a delegation to the service's key (CNAME); one per selector, replaced when stale.
    case dkim
    /// A DMARC policy, merged without weakening.
    case dmarc
    /// An SPF record at a name other than the sender's (AWS SES MAIL FROM); merged like SPF.
    case spf
    /// Ownership verification token.
    case verification
    /// Click/open tracking or return-path alias (usually CNAME).
    case tracking
    /// Anything else the service needs verbatim.
    case other
}

/// One record a service needs.
public struct PresetRecord: Sendable, Hashable {
    /// Owner relative to the sender domain: `@`, `_dmarc`, `qcloud._domainkey`, `${token1}._domainkey`.
    public var name: String
    /// Record type mnemonic: `MX`, `TXT`, `CNAME`.
    public var type: String
    /// RDATA template in presentation form, without quotes for TXT (`v=DMARC1; p=none`,
    /// `10 mxbiz1.qq.com.`, `${token1}.dkim.amazonses.com.`).
    public var value: String
    public var purpose: RecordPurpose
    /// An optional record is wanted only when every input its templates name is supplied
    /// (Tencent's older `mail._domainkey`, AWS SES's MAIL FROM records).
    public var optional: Bool
    /// True when the value is not confirmed by the service's documentation.
    public var unconfirmed: Bool
    /// The variants in which the value is unconfirmed, when only some are: input name → values.
    public var unconfirmedWhen: [String: [String]] = [:]
    /// Why the record exists, shown in `presets NAME` and `records`.
    public var note: String?
    /// Where the record's name and value come from (see `PresetSPF.source`).
    public var source: String?
    /// The variant the record belongs to: input name → the values for which the record is
    /// wanted (`when: { mode: automatic-sender-security }`). Empty: wanted in every variant.
    /// One service publishes DKIM as a TXT key or as two CNAMEs, never both; a condition keeps
    /// both forms in one preset without making either optional.
    public var when: [String: [String]]
    /// An MX that must be the only MX at its name (Amazon SES's custom MAIL FROM domain, Resend's
    /// return path): another MX there is a conflict even with `mx: add`, which would otherwise put
    /// it beside them and split the bounces.
    public var exclusive: Bool = false

    public init(
        name: String, type: String, value: String, purpose: RecordPurpose, optional: Bool = false,
        unconfirmed: Bool = false, note: String? = nil, source: String? = nil, when: [String: [String]] = [:]
    ) {
        self.name = name
        self.type = type
        self.value = value
        self.purpose = purpose
        self.optional = optional
        self.unconfirmed = unconfirmed
        self.note = note
        self.source = source
        self.when = when
    }

    /// True when the record belongs to the variant that `values` (input name → the value the
    /// user wrote, or the default) selects.
    public func applies(to values: [String: String]) -> Bool {
        PresetVariant.matches(when, values)
    }

    /// True when the value is unconfirmed in the variant `values` selects.
    public func isUnconfirmed(given values: [String: String]) -> Bool {
        unconfirmed || (!unconfirmedWhen.isEmpty && PresetVariant.matches(unconfirmedWhen, values))
    }

    /// True when the value is unconfirmed in some variant.
    public var mayBeUnconfirmed: Bool { unconfirmed || !unconfirmedWhen.isEmpty }
}

extension PresetSPF {
    /// True when the include is unconfirmed in the variant `values` selects.
    public func isUnconfirmed(given values: [String: String]) -> Bool {
        unconfirmed || (!unconfirmedWhen.isEmpty && PresetVariant.matches(unconfirmedWhen, values))
    }

    /// True when the include is unconfirmed in some variant.
    public var mayBeUnconfirmed: Bool { unconfirmed || !unconfirmedWhen.isEmpty }
}

/// A preset variant condition: input name → the values it holds for.
public enum PresetVariant {
    /// True when every named input has one of its listed values in `values`.
    public static func matches(_ condition: [String: [String]], _ values: [String: String]) -> Bool {
        condition.allSatisfy { input, accepted in values[input].map(accepted.contains) ?? false }
    }

    /// `region is ap-southeast-1 or eu-central-1`, for the text outputs.
    public static func describe(_ condition: [String: [String]]) -> String {
        condition.keys.sorted().map { input in
            let values = condition[input] ?? []
            return values.count > 2
                ? "\(input) is one of \(values.joined(separator: ", "))"
                : "\(input) is " + values.joined(separator: " or ")
        }.joined(separator: " and ")
    }
}

/// A value the user supplies for a preset, referenced in templates as `${name}`.
public struct PresetInput: Sendable, Hashable {
    /// `dkim.qcloud`, `token1`, `region`; in mailzone.yaml `dkim: { qcloud: ... }`
    /// supplies `dkim.qcloud` and `inputs: { region: ... }` supplies `region`.
    public var name: String
    public var description: String
    /// An example value, used by `mailzone presets NAME` to show the records.
    public var example: String
    /// A required input must be given unless every record naming it is optional.
    public var required: Bool
    /// The value used when the user gives none (`dkim.amazonses.com` for SES's DKIM domain).
    /// An input with a default is never missing, so records naming it need not be optional.
    public var defaultValue: String?
    /// The only values the input takes (a region, a mode), or empty for any value. A value
    /// outside them is an error with the nearest one suggested: a misspelt region would
    /// otherwise become a host name that does not exist.
    public var allowedValues: [String]
    /// What the templates get for a value, when it differs from what the user writes: the
    /// user says `region: eu`, Mailgun's hosts need `eu.mailgun.org`.
    public var expansions: [String: String]
    /// Named texts per value, for a value that stands for several hosts: the user writes
    /// `region: ap-southeast-1` and the templates get `${region.spf}`, `${region.mx}`. Keyed by
    /// value, then by part; every value has the same parts. `${region}` stays the value itself.
    public var parts: [String: [String: String]]

    public init(
        name: String, description: String, example: String, required: Bool = true,
        defaultValue: String? = nil, allowedValues: [String] = [], expansions: [String: String] = [:],
        parts: [String: [String: String]] = [:]
    ) {
        self.name = name
        self.description = description
        self.example = example
        self.required = required
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.expansions = expansions
        self.parts = parts
    }

    /// The text templates get for `value`.
    public func expansion(of value: String) -> String {
        expansions[value] ?? value
    }

    /// The names of the parts every value has (`spf`, `mx`), sorted, as the first value names
    /// them; empty without parts.
    public var partNames: [String] {
        allowedValues.lazy.compactMap { parts[$0] }.first.map { $0.keys.sorted() } ?? []
    }

    /// Every placeholder `value` defines: `${name}` and, with parts, `${name.PART}`.
    public func placeholderValues(for value: String) -> [String: String] {
        var values: [String: String] = [:]
        addPlaceholderValues(for: value, to: &values)
        return values
    }

    /// `placeholderValues(for:)` set in `values` (replacing what they held), without a table made for them
    /// first: every service of every sender sets its inputs' values.
    public func addPlaceholderValues(for value: String, to values: inout [String: String]) {
        values[name] = expansion(of: value)
        guard let parts = parts[value] else { return }
        for (part, text) in parts { values["\(name).\(part)"] = text }
    }
}
