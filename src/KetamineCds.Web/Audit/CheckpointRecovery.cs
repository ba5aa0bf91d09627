namespace KetamineCds.Web.Audit;

/// <summary>
/// What an administrator does when checkpoints of another log are expected (the database was replaced or recreated on
/// purpose): set them aside by hand on the app's host. The app itself offers no way to, so that nobody can clear the
/// evidence of a replaced log from a browser or the API (docs/security.md, "A checkpoint of another log").
/// </summary>
public static class CheckpointRecovery
{
    /// <summary>The steps in English, for the API's problem details.</summary>
    public const string Text =
        "If this database was replaced or recreated on purpose, an administrator of the app's host moves those checkpoint files out of "
        + "the checkpoint folder into a folder inside it (for example set-aside-YYYY-MM-DD; keep them), then writes a checkpoint for this log. "
        + "If nobody replaced it, treat it as tampering and compare with the copies kept elsewhere (docs/security.md, 'A checkpoint of another log').";
}
