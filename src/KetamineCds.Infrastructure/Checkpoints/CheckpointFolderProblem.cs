namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>What kept the checkpoints of a folder from being read (<see cref="CheckpointFolderProblem"/>).</summary>
public enum CheckpointFolderProblemKind
{
    /// <summary>A configured copy's folder (<c>Audit:ExternalCheckpointCopies</c>) does not exist or cannot be reached.</summary>
    CopyUnreachable,

    /// <summary>A folder's files could not be read (the system's words in <see cref="CheckpointFolderProblem.Detail"/>).</summary>
    Unreadable,

    /// <summary>Checkpoints left in the folder every database once shared, which are no longer read.</summary>
    FormerSharedFolder,
}

/// <summary>
/// A checkpoint folder that could not be read, or checkpoints left where they are no longer read: its kind and values,
/// so that a page words it in its own language (KetamineCds.Web's CheckpointTexts, from PageText), and
/// <see cref="English"/>, the words the API gives.
/// </summary>
/// <param name="Kind">What kept the checkpoints from being read.</param>
/// <param name="Folder">The folder.</param>
/// <param name="Files">How many checkpoint files it holds (<see cref="CheckpointFolderProblemKind.FormerSharedFolder"/>).</param>
/// <param name="AppFolder">The app's checkpoint folder, where this database's checkpoints belong (<see cref="CheckpointFolderProblemKind.FormerSharedFolder"/>).</param>
/// <param name="Detail">The system's words for why the folder could not be read (<see cref="CheckpointFolderProblemKind.Unreadable"/>).</param>
public sealed record CheckpointFolderProblem(CheckpointFolderProblemKind Kind, string Folder, int Files = 0, string? AppFolder = null, string? Detail = null)
{
    /// <summary>The problem in the API's words, a sentence.</summary>
    public string English => Kind switch
    {
        CheckpointFolderProblemKind.CopyUnreachable => $"The checkpoint copy folder '{Folder}' (Audit:ExternalCheckpointCopies) does not exist or cannot be reached.",
        CheckpointFolderProblemKind.Unreadable => $"The checkpoint folder '{Folder}' could not be read: {Detail}",
        _ => $"'{Folder}' holds checkpoints ({Files} files) from before each database had its own checkpoint folder; they are not read. "
            + $"An administrator moves those of this database into '{AppFolder}' and the others out of the way (docs/security.md, 'A checkpoint of another log').",
    };

    /// <summary>The problem in the API's words (<see cref="English"/>).</summary>
    public override string ToString() => English;
}
