"""HN-* rules of the citizen's GP panel (fastlegepanelet), pure: `panel` — what the panel shows for an
agreement on a date; `settings` — which settings would hide it or leave a service without cover, and the
checks of an absence assistant and an office notice."""
