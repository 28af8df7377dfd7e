using System.Runtime;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// The runtime's multicore JIT (<see cref="ProfileOptimization"/>): each verb's start records
/// which methods it compiled and loaded, and the next start of that verb prepares them on the
/// other core while this one builds the host. A profile per verb, in the user's cache folder
/// (<c>$CACHE_DIRECTORY</c> under systemd, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, then
/// <c>feedagg/</c>); without a writable folder nothing is recorded and the start is as before.
/// </summary>
/// <remarks>
/// The runtime writes a profile, in place, when its process exits, and plays the file it was
/// given. Two runs of a verb at once would write one file together, so each process records into
/// its own copy (<c>VERB.PID.jitprofile</c>); the next start makes the newest copy of a process
/// that has ended the verb's profile (an atomic rename) and removes the older ones. A copy whose
/// process still runs may still be written to, so it is left alone.
/// </remarks>
internal static class StartupProfile
{
    private const string Suffix = ".jitprofile";

    private static bool _started;

    // CliApp's verbs; one missing here only starts without a profile. Not poll: a poll of many
    // feeds is the work of minutes, which its start hardly shortens, and a profile recorded over
    // a whole poll has the next one prepare all of it at once, for no gain poll-10k.sh could see.
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "run", "parse", "seed", "feeds", "opml", "stories", "backup", "restore", "migrate",
    };

    /// <summary>Plays the verb's profile and records the next one; does nothing when there is nowhere to keep it.</summary>
    public static void Start(string[] args)
    {
        if (!OperatingSystem.IsLinux() || VerbOf(args) is not { } verb || CacheDirectory(Environment.GetEnvironmentVariable) is not { } directory)
            return;
        try
        {
            Directory.CreateDirectory(directory);
            var profile = Prepare(directory, verb, Environment.ProcessId, pid => Directory.Exists($"/proc/{pid}"));
            ProfileOptimization.SetProfileRoot(directory);
            ProfileOptimization.StartProfile(profile);
            _started = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A cache is an optimisation: a read-only or full disk, or a strange path in the
            // environment, only makes the start slower.
        }
    }

    /// <summary>
    /// Ends the recording (the runtime writes the profile now): the service's start is over, and
    /// what it compiles later (a poll, a shutdown) is not what the next start should prepare.
    /// </summary>
    public static void Stop()
    {
        if (_started)
            ProfileOptimization.StartProfile(null);
    }

    /// <summary>The verb the command line runs (no verb is <c>run</c>), or null for help, a version or a mistake.</summary>
    internal static string? VerbOf(IReadOnlyList<string> args)
    {
        var (command, _, error) = ConfigArguments.Split(args);
        if (error is not null)
            return null;
        if (command.Count == 0)
            return "run";
        return Verbs.Contains(command[0]) ? command[0] : null;
    }

    /// <summary>Where the profiles are kept: systemd's cache folder for the unit, else the user's.</summary>
    internal static string? CacheDirectory(Func<string, string?> environment)
    {
        // systemd sets CACHE_DIRECTORY to the unit's CacheDirectory= (a list, when there are several).
        if (environment("CACHE_DIRECTORY") is { Length: > 0 } systemd)
            return systemd.Split(':')[0];
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "feedagg");
        if (environment("HOME") is { Length: > 0 } home && Path.IsPathRooted(home))
            return Path.Combine(home, ".cache", "feedagg");
        return null;
    }

    /// <summary>
    /// Promotes the newest profile an ended process of <paramref name="verb"/> left, removes its
    /// older ones, and returns the file name this process plays and records into: its own copy of
    /// the verb's profile.
    /// </summary>
    internal static string Prepare(string directory, string verb, int processId, Func<int, bool> isRunning)
    {
        var shared = Path.Combine(directory, verb + Suffix);
        var ended = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(verb + ".*" + Suffix))
        {
            var pid = file.Name[(verb.Length + 1)..^Suffix.Length];
            if (int.TryParse(pid, out var id) && id != processId && !isRunning(id))
                ended.Add(file);
        }

        ended.Sort((a, b) => b.LastWriteTimeUtc.CompareTo(a.LastWriteTimeUtc));
        for (var i = 0; i < ended.Count; i++)
        {
            try
            {
                if (i == 0)
                    ended[i].MoveTo(shared, overwrite: true);
                else
                    ended[i].Delete();
            }
            catch (IOException)
            {
                // Another start took it first.
            }
        }

        var own = $"{verb}.{processId}{Suffix}";
        var ownPath = Path.Combine(directory, own);
        if (File.Exists(shared))
            File.Copy(shared, ownPath, overwrite: true);
        return own;
    }
}
