import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardSchema, errorBodySchema } from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './dashboard.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const tags = ['监管看板'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/dashboard', {
    schema: {
      tags, summary: '监管看板：今日在岗、规则引擎判定汇总、待办/风险排序、近 12 个月趋势与下级对比（可下钻到辖区内的地区或单位）。今日考勤实时；本人的操作即时可见，打卡与他人的操作约一分钟内计入判定与趋势（verdictsAt）',
      querystring: dashboardQuerySchema, response: { 200: dashboardSchema, ...errors },
    },
  }, async (req) => service.getDashboard(authorize(req, 'dashboard:read'), req.query, req.log));
};
