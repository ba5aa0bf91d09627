using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's page of a decision-log entry, by its type: where Verify, the access log and the list link it.</summary>
public static class AuditEntryPages
{
    public const string Screening = "/Audit/Screening";

    public const string HookAnswer = "/Audit/HookAnswer";

    public const string Override = "/Audit/Override";

    /// <summary>The page of an entry of <paramref name="entryType"/> (<see cref="DecisionLogEntryTypes"/>); a screening's when not known.</summary>
    public static string Of(string? entryType) => entryType switch
    {
        DecisionLogEntryTypes.HookAnswer => HookAnswer,
        DecisionLogEntryTypes.Override => Override,
        _ => Screening,
    };
}
