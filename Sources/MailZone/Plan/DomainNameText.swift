import ZoneFile

extension DomainName {
    /// The name as people write it, without the trailing dot (`news.example.com`): how plans and
    /// reports name a sender, where a zone file would write `news.example.com.`.
    var text: String { String(description.dropLast()) }
}
