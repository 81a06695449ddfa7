import MailAuth

/// What one sender wants in DNS: its presets' records with the user's inputs filled in.
///
/// This is the declaration's side of a plan, before any zone is read: the
/// planner compares it with the zone and decides what to add, merge or refuse.
public struct SenderRecords: Sendable, Hashable {
    public var sender: SenderDeclaration
    /// The zone the records go to; nil when the declaration lists no zones.
    public var zone: ZoneDeclaration?
    /// Concrete records, in service order, identical ones (same owner, type, value) listed once.
    public var records: [WantedRecord]
    /// SPF includes to merge, grouped by the name of the SPF record.
    public var spf: [WantedSPF]

    public init(sender: SenderDeclaration, zone: ZoneDeclaration?, records: [WantedRecord], spf: [WantedSPF]) {
        self.sender = sender
        self.zone = zone
        self.records = records
        self.spf = spf
    }
}

/// One record a sender's services need, ready to compare with the zone.
public struct WantedRecord: Sendable, Hashable {
    public var owner: RecordOwner
    /// `MX`, `TXT` or `CNAME`.
    public var type: String
    /// RDATA in presentation form; TXT values unquoted and unsplit (`v=DMARC1; p=none`).
    public var value: String
    public var purpose: RecordPurpose
    /// The presets asking for this record.
    public var presets: [String]
    /// True when the value is not confirmed by the service's documentation.
    public var unconfirmed: Bool
    public var note: String?
    /// Where in mailzone.yaml the record comes from: the input value it carries (a DKIM key),
    /// the `dmarc:` mapping for DMARC records the user shaped, else the service's `preset:`.
    public var source: YAMLLocation
    /// The record's line in the preset, when it came from one.
    public var presetSource: YAMLLocation?
    /// The declared TTL (the service's `ttl:`, else the sender's), for a record that starts a new RRset.
    public var ttl: Located<UInt32>?
    /// Which TXT records already at the name this one replaces or conflicts with (a Domain Connect
    /// template's `txtConflictMatchingMode`); `.none` adds it beside them, as for presets.
    public var txtConflict: TXTConflictMatching = .none
    /// An MX that must be the only MX at its name (`PresetRecord.exclusive`).
    public var exclusive = false

    public init(
        owner: RecordOwner, type: String, value: String, purpose: RecordPurpose, presets: [String],
        unconfirmed: Bool = false, note: String? = nil, source: YAMLLocation, presetSource: YAMLLocation?,
        ttl: Located<UInt32>? = nil
    ) {
        self.owner = owner
        self.type = type
        self.value = value
        self.purpose = purpose
        self.presets = presets
        self.unconfirmed = unconfirmed
        self.note = note
        self.source = source
        self.presetSource = presetSource
        self.ttl = ttl
    }
}

/// The `include:` terms wanted in the SPF record at one name.
public struct WantedSPF: Sendable, Hashable {
    public var owner: RecordOwner
    /// In service order, each domain once.
    public var includes: [SPFInclude]
    /// The `all` term when mailzone creates the record: the sender's `spf.all`, else the first
    /// service's suggestion.
    public var all: String
    /// The sender's `spf.fold`: fold several SPF records into one instead of a conflict.
    public var fold: Bool
    /// The declared TTL when mailzone creates the record: the first service's `ttl:` that sets one among
    /// those that include here, else the sender's.
    public var ttl: Located<UInt32>?

    public init(
        owner: RecordOwner, includes: [SPFInclude], all: String, fold: Bool, ttl: Located<UInt32>? = nil
    ) {
        self.owner = owner
        self.includes = includes
        self.all = all
        self.fold = fold
        self.ttl = ttl
    }

    /// The record mailzone writes when the name has none: `v=spf1 include:a include:b ~all`.
    public var newRecord: String {
        (["v=spf1"] + includes.map { "include:\($0.domain)" } + [all]).joined(separator: " ")
    }
}

/// One `include:` and the service that needs it.
public struct SPFInclude: Sendable, Hashable {
    /// The include domain, without trailing dot (`qcloudmail.com`).
    public var domain: String
    public var preset: String
    public var unconfirmed: Bool
    /// The service's `preset:` in mailzone.yaml.
    public var source: YAMLLocation

    public init(domain: String, preset: String, unconfirmed: Bool, source: YAMLLocation) {
        self.domain = domain
        self.preset = preset
        self.unconfirmed = unconfirmed
        self.source = source
    }
}
