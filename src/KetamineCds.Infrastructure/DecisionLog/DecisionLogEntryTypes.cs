namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The kinds of decision-log entries.</summary>
public static class DecisionLogEntryTypes
{
    public const string Screening = "screening";
    public const string Override = "override";

    /// <summary>A CDS Hooks answer without a screening: the EHR's data lacked required items (InputJson lists them).</summary>
    public const string HookAnswer = "hook-answer";
}
