using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>The kind of decision-log entry a replay is of, as <c>entryType</c> names it on the wire.</summary>
public enum ReplayEntryType
{
    /// <summary>A screening (<see cref="DecisionLogEntryTypes.Screening"/>).</summary>
    Screening,

    /// <summary>A CDS Hooks answer that ran no screening (<see cref="DecisionLogEntryTypes.HookAnswer"/>; QA158 F2).</summary>
    HookAnswer,
}
