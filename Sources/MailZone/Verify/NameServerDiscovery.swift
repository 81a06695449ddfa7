import DNSClient
import ZoneFile

/// The servers to ask about a zone when the user names none: every name server in the zone's
/// apex NS records, at the addresses the zone gives them (glue), else the system resolver's.
struct NameServerDiscovery {
    let resolver: any HostResolving
    /// The port to ask on (53 unless a test lab runs its servers elsewhere).
    let port: UInt16

    struct Found {
        var servers: [VerifyTarget] = []
        var problems: [String] = []
    }

    func servers(in zone: Zone, origin: DomainName, file: String) -> Found {
        var found = Found()
        let targets = zone.records(at: origin, type: .ns).compactMap(\.rdata.ns)
        if targets.isEmpty {
            let reason = zone.errors.first.map { ": \($0.message)" } ?? ""
            found.problems.append(
                "\(file) has no NS records at \(origin)\(reason); name the servers to ask with --server")
            return found
        }
        for target in targets {
            var addresses = (zone.records(at: target, type: .a) + zone.records(at: target, type: .aaaa))
                .map(\.rdata.presentation)
            if addresses.isEmpty {
                do {
                    addresses = try resolver.addresses(of: target)
                } catch {
                    found.problems.append(
                        "\(error); the zone has no address (glue) for the name server \(target) either; name the servers to ask with --server"
                    )
                    continue
                }
            }
            for text in addresses {
                guard let address = DNSServerAddress(host: text, port: port) else { continue }
                guard !found.servers.contains(where: { $0.address == address }) else { continue }
                found.servers.append(VerifyTarget(address: address, nameServer: target.description))
            }
        }
        return found
    }
}

/// A server to ask: its address and, when known, the name server host name it stands for.
public struct VerifyTarget: Sendable, Hashable {
    public var address: DNSServerAddress
    public var nameServer: String?

    public init(address: DNSServerAddress, nameServer: String? = nil) {
        self.address = address
        self.nameServer = nameServer
    }
}
