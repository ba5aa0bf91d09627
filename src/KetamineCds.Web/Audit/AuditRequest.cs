using KetamineCds.Web.Security;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's workspace: its authorization policy.</summary>
public static class AuditRequest
{
    /// <summary>The authorization policy of the auditor's workspace (Auditor role).</summary>
    public const string Policy = Policies.Audit;
}
