using System.Diagnostics;
using System.Text;

namespace KnowledgeBase.Cli.Tests;

/// <summary>Runs the built <c>kb</c> as a separate process, as a user would, and captures what it prints.</summary>
public static class KbProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs kb with a longer time limit than the default five minutes (OCR of whole PDFs on a loaded machine).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithTimeoutAsync(TimeSpan timeout, params string[] args) =>
        RunCoreAsync(new Dictionary<string, string>(), string.Empty, timeout, args);

    /// <summary>Runs kb with <paramref name="input"/> on its standard input (a password for <c>--password-stdin</c>).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), input, args);

    /// <summary>Runs kb with extra environment variables (<c>KB_TOKEN</c>…) and <paramref name="input"/> on its standard input.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] args) =>
        RunCoreAsync(environment, input, DefaultTimeout, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunCoreAsync(IReadOnlyDictionary<string, string> environment, string input, TimeSpan limit, string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never talk to an app a developer may have running on the default port.
        start.Environment["Server__Url"] = "http://127.0.0.1:9";
        // Nor carry a token from the developer's shell.
        start.Environment.Remove("KB_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Never leave kb (and its extraction workers) running after the test has given up on it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"kb {string.Join(' ', args)} ran longer than {limit}; its last output: {Tail(await error)}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
