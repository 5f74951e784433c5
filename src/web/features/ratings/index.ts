// The ratings feature's public face (issue 17 §5): the citizen's rating card, the officer's view of it.
export { RatingCard } from './RatingCard';
export { DossierRatingCard } from './DossierRatingCard';
