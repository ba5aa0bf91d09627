using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KetamineCds.Web.Tests.Deployment;

/// <summary>
/// The image's build stage (<c>src/KetamineCds.Web/Dockerfile</c>) restores from the project files it copied first, then
/// publishes with <c>--no-restore</c>. A referenced project it did not copy is skipped by the restore without an error,
/// and the publish fails (QA12 G1: <c>KetamineCds.Fhir</c> was missing). No Docker engine runs here, so these tests
/// read the Dockerfile against the projects' references.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string Root = TestRepository.Root();

    [Fact]
    public void BuildStage_CopiesEveryProjectTheAppReferences_BeforeTheRestore()
    {
        var (copied, restoreSeen) = ProjectFilesCopiedBeforeRestore();

        Assert.True(restoreSeen, "The Dockerfile has no 'RUN dotnet restore'.");
        var needed = ProjectClosure("src/KetamineCds.Web/KetamineCds.Web.csproj");
        Assert.Contains("src/KetamineCds.Fhir/KetamineCds.Fhir.csproj", needed);
        Assert.Empty(needed.Except(copied));
    }

    [Fact]
    public void BuildStage_CopiesTheRepositoryWideBuildFiles_BeforeTheRestore()
    {
        var lines = BuildStageUntilRestore();
        var copiedFiles = lines
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToHashSet(StringComparer.Ordinal);

        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "nuget.config", "NuGet.Config" })
        {
            if (File.Exists(Path.Combine(Root, file)))
            {
                Assert.Contains(file, copiedFiles);
            }
        }
    }

    [Theory]
    [InlineData("**/bin")]
    [InlineData("**/obj")]
    [InlineData("**/App_Data")]
    [InlineData("**/*.db")]
    [InlineData("secrets")]
    [InlineData(".env")]
    [InlineData(".git")]
    public void DockerIgnore_KeepsTheWorkingCopysOutputKeysAndDatabasesOutOfTheImage(string pattern)
    {
        var path = Path.Combine(Root, ".dockerignore");
        Assert.True(File.Exists(path), ".dockerignore is missing at the repository root (the build context).");
        var patterns = File.ReadAllLines(path).Select(l => l.Trim().TrimEnd('/')).Where(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.Contains(pattern, patterns);
    }

    [Fact]
    public void GitIgnore_KeepsComposesEnvFileWithItsPasswordsOutOfTheRepository()
    {
        // QA302 F3: README calls it "an untracked .env", and it holds the database and administrator passwords.
        var patterns = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

        Assert.Contains(".env", patterns);
    }

    [Fact]
    public void ComposeFile_BuildsTheAppFromTheRepositoryRootWithThisDockerfile()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

        Assert.Matches(new Regex(@"context:\s*\.\s*$", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"dockerfile:\s*src/KetamineCds\.Web/Dockerfile\s*$", RegexOptions.Multiline), compose);
    }

    [Fact]
    public void ComposeFile_BootstrapPassword_MayBeRemovedAfterTheFirstSignInWithoutComposeRefusing()
    {
        // QA96 F2: README and the file's header say the password may be removed from .env once the first administrator
        // has changed it; compose's ":?" refuses an unset or empty variable, so every later "docker compose up" stopped.
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Matches(new Regex(@"^\s*Bootstrap__AdminPassword:\s*\$\{KETAMINECDS_ADMIN_PASSWORD:-\}\s*$", RegexOptions.Multiline), compose);
        Assert.DoesNotContain("KETAMINECDS_ADMIN_PASSWORD:?", compose, StringComparison.Ordinal);
        Assert.Contains("it may be removed from .env", compose, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\| `KETAMINECDS_ADMIN_PASSWORD` \| empty \|.*may be removed from `\.env`", RegexOptions.Multiline), readme);
    }

    [Fact]
    public void ComposeFile_BootstrapEmail_MayBeRemovedAfterTheFirstSignInWithoutComposeRefusing()
    {
        // QA114 F8: docs/security.md asks to remove Bootstrap:AdminEmail once the first administrator has signed in, but
        // compose read it with ":?", so every later "docker compose up" stopped on the missing variable.
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Matches(new Regex(@"^\s*Bootstrap__AdminEmail:\s*\$\{KETAMINECDS_ADMIN_EMAIL:-\}\s*$", RegexOptions.Multiline), compose);
        Assert.DoesNotContain("KETAMINECDS_ADMIN_EMAIL:?", compose, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\| `KETAMINECDS_ADMIN_EMAIL` \| empty \|.*may be removed from `\.env`", RegexOptions.Multiline), readme);
    }

    [Theory]
    [InlineData("ConnectionStrings__KetamineCdsMigrations", "POSTGRES_PASSWORD")]
    [InlineData("ConnectionStrings__KetamineCds", "KETAMINECDS_APP_PASSWORD")]
    public void ComposeFile_PasswordWithSemicolonsAndEquals_IsReadWholeFromItsConnectionString(string setting, string variable)
    {
        // QA302 F14: the passwords were put in raw, so a ";" ended the password and the rest was read as a keyword
        // ("Couldn't set c"). Compose puts the value in as it is; the quotes around it are the connection string's.
        const string password = "a;b=c 'd' $e {f}\\g";
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var line = Regex.Match(compose, $@"^\s*{setting}:\s*(.+)$", RegexOptions.Multiline);
        Assert.True(line.Success, $"{setting} is not in docker-compose.yml.");

        var connection = line.Groups[1].Value.Trim().Replace("${" + variable + "}", password, StringComparison.Ordinal);
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connection);

        Assert.Equal(password, parsed.Password);
        Assert.Equal("db", parsed.Host);
        Assert.Equal("ketaminecds", parsed.Database);
    }

    [Fact]
    public void ComposeFile_SignedCheckpointsAndEncryptedKeys_AreOnWithoutEditingIt()
    {
        // QA302 F14: the key lines were commented out, so a clinic ran without checkpoints and with the data-protection
        // keys in clear unless it edited the file; the "checkpoints" volume was declared but mounted nowhere.
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

        Assert.Matches(new Regex(@"^      Audit__CheckpointKeyPath: /keys/checkpoint-key\.pem$", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"^      Audit__CheckpointDirectory: /checkpoints$", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"^      DataProtection__CertificatePath: /keys/dataprotection\.pfx$", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"^      - checkpoints:/checkpoints$", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"^      - keys:/keys:ro$", RegexOptions.Multiline), compose);
        // The service that makes the keys on first start, and the app waits for it.
        Assert.Matches(new Regex(@"^  keys:\n    image: ", RegexOptions.Multiline), compose);
        Assert.Matches(new Regex(@"^      keys:\n        condition: service_completed_successfully$", RegexOptions.Multiline), compose);
    }

    [Fact]
    public void ComposeFile_EveryServicesLog_IsRotated()
    {
        // QA302 F14: Docker's default json-file log has no size limit.
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var services = compose[compose.IndexOf("\nservices:\n", StringComparison.Ordinal)..compose.IndexOf("\nnetworks:\n", StringComparison.Ordinal)];
        var names = Regex.Matches(services, @"^  ([a-z-]+):$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["db", "app", "keys", "certs", "proxy"], names);
        Assert.Matches(new Regex(@"^x-logging: &logging\n  driver: json-file\n  options:\n    max-size: ""\d+m""\n    max-file: ""\d+""$", RegexOptions.Multiline), compose);
        Assert.Equal(names.Count, Regex.Count(services, @"^    logging: \*logging$", RegexOptions.Multiline));
    }

    private static (HashSet<string> Copied, bool RestoreSeen) ProjectFilesCopiedBeforeRestore()
    {
        var lines = BuildStageUntilRestore();
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var destination = parts[^1];
            foreach (var source in parts[1..^1].Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                // "COPY src/A/A.csproj src/A/": the file keeps its path only when the destination is its own folder.
                if (destination.TrimEnd('/') == Path.GetDirectoryName(source)!.Replace('\\', '/'))
                {
                    copied.Add(source);
                }
            }
        }

        return (copied, lines.Count > 0 && lines[^1].StartsWith("RUN dotnet restore", StringComparison.Ordinal));
    }

    /// <summary>The build stage's instructions up to and including the first restore (comments and blank lines left out).</summary>
    private static List<string> BuildStageUntilRestore()
    {
        var result = new List<string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Root, "src", "KetamineCds.Web", "Dockerfile")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            result.Add(line);
            if (line.StartsWith("RUN dotnet restore", StringComparison.Ordinal))
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The project and every project it references, directly or not, as repository-relative paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.Combine(Root, current))!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
