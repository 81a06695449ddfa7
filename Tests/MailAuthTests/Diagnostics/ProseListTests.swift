import Testing

@testable import MailAuth

struct ProseListTests {
    @Test(arguments: [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")])
    func joinsAsASentence(items: [String], text: String) {
        #expect(ProseList.joined(items) == text)
    }

    @Test func namesServicesOnce() {
        #expect(ProseList.services([]) == "another service")
        #expect(ProseList.services(["sendgrid", "sendgrid"]) == "sendgrid")
        #expect(
            ProseList.services(["google-workspace", "tencent-ses", "google-workspace", "zoho"])
                == "google-workspace, tencent-ses and zoho")
    }
}
