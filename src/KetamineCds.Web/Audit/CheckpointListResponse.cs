using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Audit;

/// <summary>
/// <c>GET /api/v1/audit/checkpoints</c>: whether signing is on and with which key, every checkpoint file with its
/// status, the files that could not be read, and the folders of checkpoints set aside after a key or log change. Last
/// (QA318 F2) <c>lastFullVerification</c>, what the auditor's list says of the log's last full verification, as the exports'
/// <c>Last-Full-Verification</c> header gives it (<see cref="LastFullVerificationResponse"/>): a checkpoint's <c>holds</c>
/// compares the entry it signed only, so every item holding does not clear a full verification that failed.
/// </summary>
public sealed record CheckpointListResponse(bool Enabled, string? KeyId, IReadOnlyList<CheckpointResponse> Items, IReadOnlyList<string> Warnings, IReadOnlyList<SetAsideFolder> SetAside, LastFullVerificationResponse LastFullVerification);
