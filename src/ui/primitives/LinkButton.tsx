'use client';
import type { ButtonHTMLAttributes } from 'react';
import { joinClasses } from './Field';

export type LinkButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>;

/** Looks like a link, acts in place (changes the screen, no URL): so it is a button. */
export function LinkButton({ className, ...button }: LinkButtonProps) {
  return <button {...button} type="button" className={joinClasses('crk-link', className)} />;
}
