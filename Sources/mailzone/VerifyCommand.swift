import ArgumentParser
import DNSClient
import Foundation
import MailAuth
import MailZone

/// `mailzone verify`: asks DNS whether every declared record is served, per server.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Ask DNS whether every record of mailzone.yaml is served: Verified, Missing or Mismatch, per server.",
        discussion: """
            What is checked is what the plan leaves in each zone after apply (the merged SPF record, \
            the zone's stricter DMARC record and its own MX under mx: keep-existing kept). \
            Without --server, each zone's own name servers are asked (its apex NS records, at the \
            addresses the zone gives them, else the system resolver's), with the SOA serial each \
            serves. Exit status: 0 every record verified, 2 some missing or different, 1 error \
            (a server did not answer, bad input).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, github
    }

    @OptionGroup var input: DeclarationInput

    @OptionGroup var target: TargetInput

    @Option(
        name: .customLong("server"),
        help: ArgumentHelp(
            "A server to ask instead of the zones' name servers, by address or host name; repeat for several. IPv6 in brackets: [::1]:53.",
            valueName: "addr[:port]"))
    var servers: [String] = []

    @Option(
        help: ArgumentHelp("The port of the zones' name servers when asking them (no --server).", valueName: "port"))
    var port: UInt16 = 53

    @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    var timeout: Double = 2

    @Option(help: ArgumentHelp("How many times to ask again a server that did not answer.", valueName: "n"))
    var retries: Int = 2

    @Flag(help: "Ask over TCP only (default: UDP, and TCP when an answer is truncated).")
    var tcp = false

    @Option(
        help: ArgumentHelp(
            "The EDNS UDP buffer size to offer; 0 sends no EDNS (answers over 512 octets then need TCP).",
            valueName: "octets"))
    var ednsBufferSize: UInt16 = EDNS.defaultPayloadSize

    @Option(help: "Output format.")
    var format: Format = .text

    /// Bad input exits with 1 like every other error of verify (not ArgumentParser's 64), so
    /// scripts need to tell apart only 0, 1 and 2.
    private func fail(_ message: String) -> ExitCode {
        Terminal.writeError("error: " + message)
        return ExitCode(1)
    }

    func run() async throws {
        guard timeout > 0, timeout <= 60 else { throw fail("--timeout must be more than 0 and at most 60 seconds") }
        guard (0...10).contains(retries) else { throw fail("--retries must be between 0 and 10") }
        guard port > 0 else { throw fail("--port must be between 1 and 65535") }
        var addresses: [DNSServerAddress] = []
        for text in servers {
            do {
                addresses += try DNSServerAddress.addresses(parsing: text, resolver: SystemHostResolver())
            } catch {
                throw fail("--server \(error)")
            }
        }
        let declaration = try input.load { errors in
            // Every format carries the declaration's errors (text has them on stderr only).
            let report = VerifyReport(declaration: input.config, invalid: errors)
            switch format {
            case .text: break
            case .json: Terminal.write(VerifyJSONRenderer.render(report))
            case .markdown: Terminal.write(VerifyMarkdownRenderer.render(report))
            case .github: Terminal.write(VerifyGitHubRenderer.render(report))
            }
        }
        let options = DNSQueryOptions(
            timeout: timeout, retries: retries, forceTCP: tcp,
            edns: ednsBufferSize == 0 ? nil : EDNS(udpPayloadSize: max(512, ednsBufferSize)))
        let verifier = Verifier(
            declaration: declaration, client: DNSQueryClient(options: options), allowOutside: input.allowOutside,
            target: try target.resolve(in: declaration))
        let report = await verifier.verify(servers: addresses.isEmpty ? .authoritative(port: port) : .given(addresses))
        let output: String
        switch format {
        case .text: output = VerifyTextRenderer(color: Terminal.wantsColor(fileDescriptor: 1)).render(report)
        case .json: output = VerifyJSONRenderer.render(report)
        case .markdown: output = VerifyMarkdownRenderer.render(report)
        case .github: output = VerifyGitHubRenderer.render(report)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
