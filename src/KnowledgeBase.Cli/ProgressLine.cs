using System.Globalization;

namespace KnowledgeBase.Cli;

/// <summary>A one-line progress bar on standard error, redrawn in place; silent when stderr is redirected.</summary>
internal sealed class ProgressLine
{
    private const int Width = 30;
    private readonly int _total;
    private readonly bool _enabled;
    private int _lastLength;

    public ProgressLine(int total, bool enabled)
    {
        _total = total;
        _enabled = enabled && !Console.IsErrorRedirected;
    }

    public void Draw(int finished, string detail)
    {
        if (!_enabled || _total == 0)
        {
            return;
        }

        var filled = (int)Math.Round(Width * (double)finished / _total);
        var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Width - filled)}] {finished}/{_total} {detail}");
        var padded = line.Length < _lastLength ? line.PadRight(_lastLength) : line;
        _lastLength = line.Length;
        Console.Error.Write("\r" + padded);
    }

    public void Clear()
    {
        if (_enabled && _lastLength > 0)
        {
            Console.Error.Write("\r" + new string(' ', _lastLength) + "\r");
            _lastLength = 0;
        }
    }
}
