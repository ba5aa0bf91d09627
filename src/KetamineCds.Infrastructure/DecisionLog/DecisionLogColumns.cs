namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The widths of the decision log's text columns that a filter is matched against (Data/Configurations/DecisionLogEntryConfiguration).</summary>
public static class DecisionLogColumns
{
    /// <summary>The recording account's email (the audit filter's <c>clinician</c>), as long as Identity's email column.</summary>
    public const int ActorEmail = 256;
}
