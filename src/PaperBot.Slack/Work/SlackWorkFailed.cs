using PaperBot.Core.Results;

namespace PaperBot.Slack.Work;

/// <summary>Background work that could not deliver its reply; the processor logs it (nobody is waiting for a value).</summary>
internal sealed class SlackWorkFailed(Problem problem) : Exception(problem.Message);
