namespace KetamineCds.Web.Audit;

/// <summary>What the decision log's last full verification found, as a list's line says it (<see cref="LastFullVerificationResponse"/>).</summary>
public enum LastFullVerificationResult
{
    /// <summary>The decision log has never been verified in full.</summary>
    NotVerified,

    /// <summary>The last full verification verified the decision log.</summary>
    NoProblemsFound,

    /// <summary>The last full verification did not verify the decision log: entries were altered, removed or reordered.</summary>
    ProblemsFound,

    /// <summary>The access log's record of the last full verification no longer gives the hash it was recorded with: what it says cannot be trusted.</summary>
    RecordAltered,

    /// <summary>The access log could not be read, so when the log was last verified is not known.</summary>
    Unavailable,
}
