import Foundation
import TestSupport
import Testing

/// `mailzone verify` with bad input: exit 1 and an error that says what to do, before any query.
struct VerifyCommandTests {
    @Test func missingDeclaration() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try MailzoneBinary.run(["verify"], in: directory)
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(
            run.errors
                == "mailzone.yaml:1:1: error: cannot read mailzone.yaml: no such file\n    fix: check that the file exists and is readable\n"
        )
    }

    @Test(arguments: [
        (
            ["--server", "ns1..example.com"],
            "error: --server 'ns1..example.com' is not a server address; write an IPv4 address, an IPv6 address in brackets or a host name, with an optional port: 192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:53, ns1.example.net\n"
        ),
        (
            ["--server", "127.0.0.1:99999"],
            "error: --server '127.0.0.1:99999' is not a server address; write an IPv4 address, an IPv6 address in brackets or a host name, with an optional port: 192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:53, ns1.example.net\n"
        ),
        (["--timeout", "0"], "error: --timeout must be more than 0 and at most 60 seconds\n"),
        (["--retries", "11"], "error: --retries must be between 0 and 10\n"),
    ])
    func badOptions(arguments: [String], message: String) throws {
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        let run = try MailzoneBinary.run(["verify"] + arguments, in: lab.directory)
        #expect(run.status == 1)
        #expect(run.errors == message)
    }
}
