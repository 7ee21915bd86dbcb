package fr.ccamhub.terminology.pricing;

import fr.ccamhub.terminology.ccam.CcamModifierValue;

/** A modifier as priced: which variant of section 19.03 applied and what it is worth. */
public record AppliedModifier(String code, int variant, CcamModifierValue value) {}
