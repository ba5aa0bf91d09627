using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Audit;

/// <summary>
/// <c>GET /api/v1/audit/checkpoints</c>: whether signing is on and with which key, every checkpoint file with its
/// status, the files that could not be read, and the folders of checkpoints set aside after a key or log change.
/// </summary>
public sealed record CheckpointListResponse(bool Enabled, string? KeyId, IReadOnlyList<CheckpointResponse> Items, IReadOnlyList<string> Warnings, IReadOnlyList<SetAsideFolder> SetAside);
