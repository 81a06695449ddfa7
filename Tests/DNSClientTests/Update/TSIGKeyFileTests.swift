import Testing
import ZoneFile

@testable import DNSClient

/// BIND key files as `tsig-keygen` writes them, with comments; anything else is refused with its line and column.
struct TSIGKeyFileTests {
    private func parse(_ text: String) throws(TSIGKeyFileError) -> [TSIGKey] {
        try TSIGKeyFile.parse(Array(text.utf8), path: "k.key")
    }

    @Test func readsWhatTsigKeygenWrites() throws {
        let keys = try parse(
            """
            # made by tsig-keygen
            key "mailzone-update" {
            \talgorithm hmac-sha256; // the default
            \tsecret "AAECAw==";
            };
            /* end */
            """)
        #expect(keys == [TSIGKey(name: try DomainName(parsing: "mailzone-update."), secret: [0, 1, 2, 3])])
    }

    @Test(arguments: [
        (
            "options { };",
            "k.key:1:1: expected a `key` statement, found 'options'; give the key file `tsig-keygen` wrote, not named.conf"
        ),
        (
            "key \"k\" {\n algorithm hmac-md5;\n secret \"AA==\";\n};",
            "k.key:2:12: the algorithm hmac-md5 is not supported; mailzone signs with hmac-sha256: make a key with `tsig-keygen -a hmac-sha256 k`"
        ),
        ("key \"k\" {\n algorithm hmac-sha256;\n secret \"not base64!\";\n};", "k.key:3:9: the secret is not base64"),
        ("key \"k\" { algorithm hmac-sha256; };", "k.key:1:5: the key k has no secret"),
        ("key \"k\" { secret \"AA==\" };", "k.key:1:25: expected ';', found '}'"),
        ("key \"k\" { algorithm hmac-sha256; secret \"AA==\";", "k.key:1:48: the key statement has no closing '}'"),
    ])
    func refusesWhatIsNotAKeyFile(text: String, message: String) {
        #expect(throws: TSIGKeyFileError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
