import type { viRatings } from './messages.vi';

/** English text of the citizen's rating of a service. */
export const enRatings: Record<keyof typeof viRatings, string> = {
  'rating.title': 'Rate the service',
  'rating.ask': 'How was the handling of this dossier?',
  'rating.value.satisfied': 'Satisfied',
  'rating.value.neutral': 'Neutral',
  'rating.value.dissatisfied': 'Not satisfied',
  'rating.comment': 'Comment (optional)',
  'rating.comment.placeholder': 'For example: the officer explained everything',
  'rating.send': 'Send my rating',
  'rating.pickFirst': 'Choose one of the ratings above',
  'rating.thanks': 'Thank you for your rating.',
  'rating.yours': 'Your rating: {value}',
  'rating.once': 'Each dossier is rated once.',
  'rating.officer.title': 'The citizen’s rating',
  'rating.officer.value': 'Rating',
  'rating.officer.comment': 'Comment',
  'rating.officer.none': 'The citizen has not rated this dossier.',
  'rating.officer.when': 'Rated at',
  'rating.via.web': 'on the dossier page',
  'rating.via.link': 'through the link in the result message',
  'rating.link.title': 'Rate the service',
  'rating.link.opening': 'Opening your dossier…',
  'rating.link.toMine': 'My dossiers',
};
