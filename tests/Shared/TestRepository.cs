namespace KetamineCds.Testing;

/// <summary>
/// The repository the tests run from, for the tests that read its files (documents, scripts, the Dockerfile, the
/// resources). One source file, linked into each test project that needs it (<c>&lt;Compile Include="..\Shared\..." /&gt;</c>).
/// </summary>
internal static class TestRepository
{
    /// <summary>The folder of <c>KetamineCds.sln</c>, the first above the test's output folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KetamineCds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (KetamineCds.sln) was not found above " + AppContext.BaseDirectory + ".");
    }
}
