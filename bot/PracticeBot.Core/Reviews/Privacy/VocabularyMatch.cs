namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>Words of a draft found in the clinical vocabulary: tokens [First, First + Count).</summary>
internal readonly record struct VocabularyMatch(int First, int Count, VocabularyCategory Category, bool Strong);
