namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The result of checking the whole log for tampering (contract: GET /api/v1/audit/verify).</summary>
public sealed record ChainVerification(long Checked, bool Intact, Guid? FirstBrokenId);
