namespace PracticeBot.Core.Conversation.Messages;

/// <summary>A rich message body: a list of blocks, rendered top to bottom.</summary>
public sealed record Card(IReadOnlyList<CardBlock> Blocks)
{
    public static Card Of(params CardBlock[] blocks) => new(blocks);
}
