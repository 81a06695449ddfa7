extension SenderPlan {
    /// What a sender's heading shows in parentheses (`sender corp.example  (tencent-ses)`): its
    /// services; for a sender with none in the zone, why its block is there, since an empty `()`
    /// tells a reviewer nothing. A sender with no service is one being removed (`state: absent`,
    /// or every service `state: absent`): its owned records go (`-` lines) or are gone already;
    /// or one this declaration does not declare, whose records stay (the warning under it says so).
    var serviceSummary: String {
        if !services.isEmpty { return services.joined(separator: ", ") }
        if items.contains(where: SenderPlan.isChange) { return "removed: no service left" }
        if items.isEmpty { return "removed: none of its records left" }
        return "not declared here: nothing of it changes"
    }
}
