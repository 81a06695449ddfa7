/// A domain that sends mail, the services that send for it, and how to treat what the zone already has.
public struct SenderDeclaration: Sendable, Hashable {
    /// Where the sender's entry starts in the YAML.
    public var location: YAMLLocation
    /// The sender domain, absolute and lower-cased.
    public var domain: Located<DeclaredName>
    public var services: [ServiceUse]
    /// Tags the user sets on the sender's DMARC record (`dmarc:`), if any.
    public var dmarc: DMARCOverrides? {
        get { dmarcStorage?.value }
        set { dmarcStorage = newValue.map(Indirect.value) }
    }
    private var dmarcStorage: Indirect<DMARCOverrides>?
    /// `mx:` as written; `mxPolicy` gives the effective policy.
    public var mx: Located<MXPolicy>?
    /// `mx_not_added:`, the services whose MX `mx: keep-existing` leaves out by the user's explicit
    /// choice: the plan leaves them out without the warning it gives otherwise.
    public var mxNotAdded: [Located<String>]
    public var spf: SPFOptions
    /// `allow_weaker_dmarc: true` lets the sender publish a DMARC policy weaker than the one it
    /// inherits from its organisational domain (MAILAUTH.md, DMARC).
    public var allowWeakerDMARC: Located<Bool>?
    /// `ttl:`, seconds: the TTL of the records the plan creates for this sender when they start a new
    /// RRset; a service's own `ttl:` wins. A record joining an RRset keeps its TTL (RFC 2181 §5.2).
    public var ttl: Located<UInt32>?
    /// `state: absent`: the sender is kept in the declaration so that what mailzone wrote for it goes.
    public var state: Located<PresenceState>?

    public init(
        location: YAMLLocation, domain: Located<DeclaredName>, services: [ServiceUse],
        dmarc: DMARCOverrides? = nil, mx: Located<MXPolicy>? = nil, mxNotAdded: [Located<String>] = [],
        spf: SPFOptions = SPFOptions(), allowWeakerDMARC: Located<Bool>? = nil, ttl: Located<UInt32>? = nil
    ) {
        self.location = location
        self.domain = domain
        self.services = services
        self.dmarcStorage = dmarc.map(Indirect.value)
        self.mx = mx
        self.mxNotAdded = mxNotAdded
        self.spf = spf
        self.allowWeakerDMARC = allowWeakerDMARC
        self.ttl = ttl
    }

    /// True for `state: absent`: the sender wants nothing, and the records mailzone wrote for it go.
    public var isAbsent: Bool { state?.value == .absent }

    /// The services that send for the sender: none when it is absent, and not those marked `state: absent`.
    public var presentServices: [ServiceUse] { isAbsent ? [] : services.filter { !$0.isAbsent } }

    /// What to do with a service's MX when the name already has MX records; `.conflict` unless set.
    public var mxPolicy: MXPolicy { mx?.value ?? .conflict }

    /// True when the sender may weaken an inherited DMARC policy (`allow_weaker_dmarc: true`, or
    /// `allow_weaker: true` under `dmarc:`).
    public var allowsWeakerDMARC: Bool { allowWeakerDMARC?.value ?? false || allowsDMARCDowngrade }

    /// True when the declared `p`/`sp` may lower the zone's own DMARC record (`dmarc: { allow_weaker: true }`).
    public var allowsDMARCDowngrade: Bool { dmarc?.allowWeaker?.value ?? false }
}

/// What the planner does with a service's MX record (Tencent's `mxbiz1.qq.com.`) when the
/// sender's name already has MX records of its own (`mx:` in a sender).
///
/// Adding a sending service's MX beside an existing inbound MX diverts part of the
/// domain's inbound mail, so the default stops the plan; a null MX (`0 .`) is a
/// conflict whatever the policy, since it must stay alone (RFC 7505).
public enum MXPolicy: String, Sendable, Hashable, CaseIterable {
    /// The default: stop the plan with a conflict that explains the choice below.
    case conflict
    /// Leave the existing MX records alone and do not add the service's; report a warning.
    /// Tencent's advice when the domain runs its own mail server. With no MX at the
    /// name, the service's MX is added as usual.
    case keepExisting = "keep-existing"
    /// Add the service's MX beside the existing ones (the user accepts that some inbound
    /// mail may go to the service).
    case add
}

/// How the sender's SPF record is written (`spf:` in a sender).
public struct SPFOptions: Sendable, Hashable {
    /// The `all` term of a record mailzone creates (none exists yet); the first service's
    /// suggestion (usually `~all`) when unset. An existing record keeps its own `all`.
    public var all: Located<SPFAll>?
    /// `fold: true` lets the planner fold two or more SPF records at a name into one,
    /// instead of stopping with a conflict.
    public var fold: Located<Bool>?

    public init(all: Located<SPFAll>? = nil, fold: Located<Bool>? = nil) {
        self.all = all
        self.fold = fold
    }

    public var foldsRecords: Bool { fold?.value ?? false }
}

/// The `all` term ending a new SPF record.
public enum SPFAll: String, Sendable, Hashable, CaseIterable {
    /// Soft fail: unlisted senders are suspicious (what most services suggest).
    case softFail = "~all"
    /// Fail: unlisted senders are rejected.
    case fail = "-all"
    /// Neutral: no statement about unlisted senders.
    case neutral = "?all"
}

/// `state:` of a sender or a service: `present` (the default) or `absent`, which keeps it in the
/// declaration only so that the records mailzone wrote for it are removed (docs/OWNERSHIP.md).
public enum PresenceState: String, Sendable, Hashable, CaseIterable {
    case present
    case absent
}

/// One service sending for a sender: which preset, and the values the user supplies for it.
public struct ServiceUse: Sendable, Hashable {
    /// Where the entry starts in the YAML.
    public var location: YAMLLocation
    /// The preset's name as written (`tencent-ses`).
    public var preset: Located<String>
    /// Supplied inputs in the order written: `dkim: { qcloud: ... }` gives `dkim.qcloud`,
    /// `inputs: { region: ... }` gives `region`.
    public var inputs: [ServiceInput]
    /// `ttl:`, seconds: the TTL of the new RRsets this service's records start (over the sender's `ttl:`).
    public var ttl: Located<UInt32>?
    /// `state: absent`: the service no longer sends; what mailzone wrote for it goes.
    public var state: Located<PresenceState>?
    /// True for `state: absent`.
    public var isAbsent: Bool { state?.value == .absent }
    /// Inputs written with an invalid value (already reported); not reported again as missing.
    var rejectedInputs: Set<String> = []
    /// The Domain Connect template, when `preset:` names one (out of line: most services have none).
    var domainConnect: DomainConnectService? {
        get { domainConnectStorage?.value }
        set { domainConnectStorage = newValue.map(Indirect.value) }
    }
    private var domainConnectStorage: Indirect<DomainConnectService>?

    public init(
        location: YAMLLocation, preset: Located<String>, inputs: [ServiceInput] = [], ttl: Located<UInt32>? = nil
    ) {
        self.location = location
        self.preset = preset
        self.inputs = inputs
        self.ttl = ttl
    }

    /// The supplied value of the input `name`.
    public func input(_ name: String) -> ServiceInput? {
        inputs.first { $0.name.value == name }
    }

    /// `dkim: { SELECTOR: KEY }` entries naming selectors of their own, for a preset that
    /// `namesDKIMSelector`: every input under `dkim:` other than the preset's own DKIM inputs.
    public func listedSelectors(of definition: PresetDefinition) -> [ServiceInput] {
        guard definition.namesDKIMSelector else { return [] }
        return inputs.filter { input in
            input.name.value.hasPrefix("dkim.") && !definition.preset.inputs.contains { $0.name == input.name.value }
        }
    }
}

/// A value the user supplies for a preset's `${name}`.
public struct ServiceInput: Sendable, Hashable {
    /// The input's full name (`dkim.qcloud`, `region`) and where its key was written.
    public var name: Located<String>
    public var value: Located<String>

    public init(name: Located<String>, value: Located<String>) {
        self.name = name
        self.value = value
    }
}
